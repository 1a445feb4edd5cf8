@individuals
Feature: Individuals — personally implicated, or serving in a barred unit
  A person credibly implicated in a gross violation may not receive assistance, whatever unit he serves in now.
  A person serving on the as-of date in a barred or suspended unit shares its status. When a unit is nominated,
  its commander is vetted with it. A unit's exception lifts what its members share with it, never a person's
  own implication.

  Background:
    Given both laws apply
    And the as-of date is 2015-06-30
    And these units:
      | id        | name              | parent |
      | army      | the army          |        |
      | battalion | the 9th battalion | army   |
      | academy   | the academy       | army   |
    And these people:
      | id         | name                 | unit      | role      | from       | to         |
      | lieutenant | a lieutenant         | battalion | member    | 2012-01-01 | 2014-12-31 |
      | lieutenant | a lieutenant         | academy   | commander | 2015-01-01 |            |
      | sergeant   | a sergeant           | battalion | member    | 2013-01-01 |            |
      | cadet      | a cadet              | academy   | member    | 2014-01-01 |            |
    And these incidents:
      | id      | date       | violations | people     |
      | torture | 2014-06-30 | torture    | lieutenant |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | torture  | 2014-07-01 | credible   | 2014-09-01  |

  @state_leahy_fact_sheet @usc_22_2378d_d5
  Scenario: A person implicated personally is barred wherever he serves now
    Given these proposals:
      | id     | authority | kind     | people     |
      | course | faa       | training | lieutenant |
    Then under both laws the statuses are:
      | person     | State      | DoD        |
      | lieutenant | ineligible | ineligible |
      | sergeant   | ineligible | ineligible |
      | cadet      | eligible   | eligible   |
    And the proposal `course` is rejected
    And the finding for `lieutenant` under the State law cites `state-leahy-fact-sheet`

  @usc_22_2378d_d5 @usc_10_362_a1
  Scenario: A member of a barred unit is barred with it
    Given these proposals:
      | id      | authority | kind     | people   |
      | course  | faa       | training | sergeant |
      | seminar | dod       | training | sergeant |
    Then the person `sergeant` is ineligible under both laws
    And the finding for `sergeant` under the State law cites `usc-22-2378d-d5`
    And the outcomes are:
      | proposal | outcome  |
      | course   | rejected |
      | seminar  | rejected |

  @state_leahy_fact_sheet
  Scenario: A unit is vetted with its commander: a clean unit under an implicated commander is refused
    Given these proposals:
      | id     | authority | kind      | units   |
      | kit    | faa       | equipment | academy |
      | drills | dod       | training  | academy |
    Then the unit `academy` is eligible under both laws
    And the outcomes are:
      | proposal | outcome  |
      | kit      | rejected |
      | drills   | rejected |
    And the finding for `kit` under the State law rests on `lieutenant`

  @usc_22_2378d_b @usc_22_2378d_d5 @state_exception
  Scenario: A unit's exception lifts what its members share with it, not a person's own implication
    Given these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents |
      | steps | state-effective-steps | battalion | 2015-03-01 | 2015-03-15 | torture   |
    Then under the State law the statuses are:
      | person     | status     |
      | sergeant   | remediated |
      | lieutenant | ineligible |
    And the unit `battalion` is remediated under the State law

  @state_leahy_fact_sheet @credible_information
  Scenario: While the information is assessed the person is suspended, and his unit with him
    Given this information:
      | id     | incident | received   | assessment | people |
      | rumour | torture  | 2014-07-01 | pending    | cadet  |
    Then the person `cadet` is suspended under both laws
    And the unit `academy` is suspended under both laws
    And the findings for `cadet` under the DoD law are:
      | rule                  | effect  | citation               | because         |
      | individual-implicated | suspend | state-leahy-fact-sheet | rumour          |
      | member-of-barred-unit | suspend | usc-10-362-a1          | academy, rumour |

  @usc_22_2378d_d5 @usc_10_362_a1
  Scenario: An individual the case places in no unit on the date cannot be vetted, and is held
    Given these people:
      | id      | name          | unit      | role   | from       | to         |
      | retired | a retired man | battalion | member | 2010-01-01 | 2013-12-31 |
    And these proposals:
      | id     | authority | kind     | people  |
      | course | faa       | training | retired |
    Then the person `retired` is eligible under the State law
    And the proposal `course` is held
    And a task `identify-recipient-unit` is open for `retired` under the State law

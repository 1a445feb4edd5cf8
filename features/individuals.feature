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

  @usc_22_2378d_d5 @usc_10_362_a1 @pl_112_74_8058
  Scenario: Only the covered assistance that names the unplaced individual is held
    Given these units:
      | id   | name     | parent |
      | navy | the navy |        |
    And these people:
      | id      | name          | unit      | role   | from       | to         |
      | retired | a retired man | battalion | member | 2010-01-01 | 2013-12-31 |
    And these proposals:
      | id     | sources | kind      | fiscal year | units | people  |
      | course | fmf     | training  |             |       | retired |
      | cruise | fmf     | training  |             | navy  |         |
      | rifles | dod     | equipment | 2013        |       | retired |
      | drill  | dod     | training  | 2013        | navy  |         |
      | mixed  | fmf, dod | equipment | 2013       |       | retired |
      | cadets | fmf     | training  |             |       | cadet   |
    Then the outcomes are:
      | proposal | outcome  |
      | course   | held     |
      | cruise   | approved |
      | rifles   | held     |
      | drill    | approved |
      | cadets   | approved |
    When the as-of date is 2014-06-30
    Then the outcomes are:
      | proposal | outcome     |
      | course   | held        |
      | cruise   | approved    |
      | rifles   | not-covered |
      | drill    | approved    |
      | cadets   | approved    |
    And the findings for `rifles` under the DoD law are:
      | rule                                       | effect      |
      | dod-equipment-of-earlier-funds-not-covered | not-covered |
    And the findings for `mixed` under the DoD law are:
      | rule                                       | effect      |
      | dod-equipment-of-earlier-funds-not-covered | not-covered |
    And the open tasks are exactly:
      | kind                    | subject | law   |
      | identify-recipient-unit | retired | State |

  @state_leahy_fact_sheet
  Scenario: A commander suspended personally holds his unit's assistance as suspended; a bar he only shares as a member of another unit does not reach it
    The keeper of the depot is named in a complaint still under assessment, with no incident known: he is
    suspended personally, the depot is not implicated, and assistance to the depot is suspended (not rejected).
    The pilot commands the station and serves in the barred battalion: he is barred as a member of it, which is
    not his own implication, so assistance to the station goes ahead.
    Given these units:
      | id      | name        | parent |
      | depot   | the depot   |        |
      | station | the station |        |
    And these people:
      | id     | name     | unit      | role      | from       | to |
      | keeper | a keeper | depot     | commander | 2015-01-01 |    |
      | pilot  | a pilot  | station   | commander | 2015-01-01 |    |
      | pilot  | a pilot  | battalion | member    | 2015-01-01 |    |
    And this information:
      | id        | incident | received   | assessment | violations | people |
      | complaint |          | 2015-02-01 | pending    | torture    | keeper |
    And these proposals:
      | id         | authority | kind     | units   |
      | to-depot   | faa       | training | depot   |
      | to-station | faa       | training | station |
    Then under both laws the statuses are:
      | person | State      | DoD        |
      | keeper | suspended  | suspended  |
      | pilot  | ineligible | ineligible |
    And the unit `depot` is eligible under both laws
    And the outcomes are:
      | proposal   | outcome   |
      | to-depot   | suspended |
      | to-station | approved  |

  @state_leahy_fact_sheet @usc_10_362_a1
  Scenario: A unit's commander is vetted with it on every day of his command and no other, and only under the law that bars him
    Given these units:
      | id    | name          | parent |
      | navy  | the navy      |        |
      | fleet | the fleet     |        |
      | yard  | the dockyard  |        |
      | dock  | the dock      |        |
      | base  | the air base  |        |
    And these people:
      | id      | name       | unit  | role      | from       | to         |
      | captain | a captain  | navy  | commander | 2015-06-30 |            |
      | admiral | an admiral | fleet | commander | 2015-01-01 | 2015-06-30 |
      | ensign  | an ensign  | yard  | member    | 2015-01-01 |            |
      | bosun   | a bosun    | dock  | commander | 2015-01-01 | 2015-06-29 |
      | mate    | a mate     | dock  | commander | 2015-07-01 |            |
      | major   | a major    | base  | commander | 2015-01-01 |            |
    And these incidents:
      | id       | date       | violations | people                                |
      | beating  | 2014-06-30 | torture    | captain, admiral, ensign, bosun, mate |
      | shooting | 2014-06-30 | torture    | major                                 |
    And this information:
      | id         | incident | received   | assessment | assessed on | held by |
      | i-beating  | beating  | 2014-07-01 | credible   | 2014-09-01  | both    |
      | i-shooting | shooting | 2014-07-01 | credible   | 2014-09-01  | dod     |
    And these proposals:
      | id         | sources | kind     | units |
      | to-navy    | fmf     | training | navy  |
      | to-fleet   | fmf     | training | fleet |
      | to-yard    | fmf     | training | yard  |
      | to-dock    | fmf     | training | dock  |
      | to-base    | fmf     | training | base  |
      | to-base-us | dod     | training | base  |
    Then under both laws the statuses are:
      | unit  | State    | DoD      |
      | navy  | eligible | eligible |
      | fleet | eligible | eligible |
      | yard  | eligible | eligible |
      | dock  | eligible | eligible |
      | base  | eligible | eligible |
    And the outcomes are:
      | proposal   | outcome  |
      | to-navy    | rejected |
      | to-fleet   | rejected |
      | to-yard    | approved |
      | to-dock    | approved |
      | to-base    | approved |
      | to-base-us | rejected |
    And the findings for `to-navy` under the State law are:
      | rule                                 | effect  | because            |
      | state-law-covers-faa-aeca-assistance | covered |                    |
      | recipient-unit-commander-vetted      | bar     | captain, i-beating |
    And there is no finding for `to-base` under the DoD law

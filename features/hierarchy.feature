@hierarchy
Feature: The hierarchy — a bar covers the units under the unit barred
  A bar or a suspension on a unit covers every unit under it on the as-of date, through any chain (command,
  administrative, operational) and at any depth. It never goes up, and never sideways to a sibling.

  Background:
    Given both laws apply
    And the as-of date is 2015-01-31
    And these units:
      | id      | name              | parent | chain          | from       | to         | personnel |
      | army    | the army          |        |                |            |            |           |
      | zone-a  | the 22nd zone     | army   |                |            |            | 10,000    |
      | zone-b  | the 35th zone     | army   |                |            |            | 8,000     |
      | bn-1    | the 1st battalion | zone-a |                |            |            | 600       |
      | bn-2    | the 2nd battalion | zone-a |                |            | 2014-11-30 | 600       |
      | bn-2    | the 2nd battalion | zone-b |                | 2014-12-01 |            |           |
      | co-1    | a company         | bn-1   |                |            |            | 120       |
      | school  | a training school | army   |                |            |            | 300       |
      | school  | a training school | zone-a | administrative |            |            |           |

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: A bar on a zone covers every unit under it, at any depth
    Given these incidents:
      | id      | date       | violations | units  |
      | killing | 2014-06-30 | torture    | zone-a |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    Then the units ineligible under the State law are exactly:
      | unit   |
      | zone-a |
      | bn-1   |
      | co-1   |
      | school |
    And the units eligible under the State law are exactly `army`, `zone-b` and `bn-2`
    And 10,000 personnel are ineligible under the State law
    And the findings for `co-1` under the DoD law are:
      | rule                  | effect | citation      | because        |
      | bar-covers-units-under | bar    | usc-10-362-a1 | zone-a, report |

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: A bar on a battalion goes neither up nor sideways
    Given these incidents:
      | id      | date       | violations | units |
      | killing | 2014-06-30 | torture    | bn-1  |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    Then the units ineligible under the DoD law are exactly `bn-1` and `co-1`
    And 600 personnel are ineligible under the DoD law

  @usc_22_2378d_a @usc_10_362_a1 @time
  Scenario: The hierarchy that counts is the one on the as-of date
    Given these incidents:
      | id      | date       | violations | units  |
      | killing | 2014-06-30 | torture    | zone-a |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    When the as-of date is 2014-11-30
    Then the unit `bn-2` is ineligible under both laws
    When the as-of date is 2014-12-01
    Then the unit `bn-2` is eligible under both laws

  @state_leahy_fact_sheet @usc_10_362_a2
  Scenario: A suspension on a zone suspends the units under it
    Given these incidents:
      | id      | date       | violations | units  |
      | killing | 2014-06-30 | torture    | zone-a |
    And this information:
      | id     | incident | received   | assessment |
      | report | killing  | 2014-07-01 | pending    |
    Then the units suspended under the DoD law are exactly `zone-a`, `bn-1`, `co-1` and `school`
    And 10,000 personnel are suspended under the DoD law
    And 0 personnel are ineligible under the DoD law

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: Personnel totals count the units barred, each person once
    Given these incidents:
      | id      | date       | violations | units          |
      | killing | 2014-06-30 | torture    | zone-b, co-1   |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    Then the units ineligible under the State law are exactly `zone-b`, `bn-2` and `co-1`
    And 8,120 personnel are ineligible under the State law

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: Assistance to a formation may go ahead only if kept from the barred unit under it
    Given these incidents:
      | id      | date       | violations | units |
      | killing | 2014-06-30 | torture    | bn-1  |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    And these proposals:
      | id     | authority | kind      | units  |
      | radios | faa       | equipment | zone-a |
    Then the unit `zone-a` is eligible under the State law
    And the proposal `radios` is approved
    And a task `keep-assistance-from-barred-units` is open for `radios` under the State law

  @usc_22_2378d_a @usc_10_362_a1 @pl_112_74_8058
  Scenario: Only the covered assistance to a formation carries the task to keep it from the barred unit under it, under the law that bars that unit
    Given these units:
      | id     | name              | parent |
      | zone-c | the 40th zone     | army   |
      | bn-3   | the 3rd battalion | zone-c |
    And these incidents:
      | id      | date       | violations | units |
      | killing | 2014-06-30 | torture    | bn-1  |
      | beating | 2014-06-30 | torture    | bn-2  |
      | rumour  | 2014-06-30 | torture    | bn-3  |
    And this information:
      | id       | incident | received   | assessment | assessed on | held by |
      | report   | killing  | 2014-07-01 | credible   | 2014-09-01  | both    |
      | i-dod    | beating  | 2014-07-01 | credible   | 2014-09-01  | dod     |
      | i-rumour | rumour   | 2014-07-01 | pending    |             | state   |
    And these proposals:
      | id     | sources  | kind      | fiscal year | units  |
      | radios | dod      | equipment | 2013        | zone-a |
      | mixed  | fmf, dod | equipment | 2013        | zone-a |
      | boots  | fmf      | equipment |             | zone-b |
      | drill  | dod      | training  | 2013        | zone-b |
      | tents  | fmf      | equipment |             | zone-c |
    When the as-of date is 2014-12-10
    Then under both laws the statuses are:
      | unit   | State      | DoD        |
      | zone-a | eligible   | eligible   |
      | zone-b | eligible   | eligible   |
      | bn-1   | ineligible | ineligible |
      | bn-2   | eligible   | ineligible |
      | zone-c | eligible   | eligible   |
      | bn-3   | suspended  | suspended  |
    And the outcomes are:
      | proposal | outcome     |
      | radios   | not-covered |
      | boots    | approved    |
      | drill    | approved    |
      | tents    | approved    |
    And the open tasks are exactly:
      | kind                              | subject | law   |
      | keep-assistance-from-barred-units | mixed   | State |
      | keep-assistance-from-barred-units | drill   | DoD   |
      | share-information-with-state      | i-dod   | DoD   |

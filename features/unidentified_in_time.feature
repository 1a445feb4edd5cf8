@unidentified @time
Feature: The force named for an unidentified unit, before and after the (d) procedures of December 2011
  Until 22 December 2011 the appropriations act (P.L. 110-161 sec. 651) governed; from 23 December 2011 the
  (d) procedures of 22 U.S.C. 2378d add the duty to seek to identify the unit. Under both, information of a
  gross violation whose unit is not identified holds the force the sources name (our reading), and only when
  the information itself counts and no unit is identified.

  Background:
    Given both laws apply
    And these units:
      | id        | name                | kind     | parent  |
      | federal   | the federal police  | police   |         |
      | region    | a regional command  | police   | federal |
      | state     | a state police      | police   |         |
      | army      | the army            | military |         |
      | battalion | the 9th battalion   | military | army    |

  @pl_110_161_651 @usc_22_2378d_d6
  Scenario: On 23 December 2011 the (d) procedures take over: the force stays held and a task seeks the unit
    Given these incidents:
      | id       | date       | violations            | identified | force   |
      | massacre | 2011-06-01 | extrajudicial-killing | no         | federal |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | massacre | 2011-07-01 | credible   | 2011-08-01  |
    When the as-of date is 2011-12-22
    Then under both laws the statuses are:
      | unit    | State     | DoD       |
      | federal | suspended | suspended |
      | region  | suspended | suspended |
    And the findings for `federal` under the State law are:
      | rule                                         | effect  | citation       |
      | unidentified-unit-suspends-force-before-2011 | suspend | pl-110-161-651 |
    And no task `identify-unit` is open
    When the as-of date is 2011-12-23
    Then under both laws the statuses are:
      | unit    | State     | DoD       |
      | federal | suspended | suspended |
      | region  | suspended | suspended |
    And the findings for `federal` under the State law are:
      | rule                             | effect  | citation       |
      | unidentified-unit-suspends-force | suspend | usc-22-2378d-d6 |
    And the open tasks are exactly:
      | kind          | subject  | law   |
      | identify-unit | massacre | State |

  @pl_110_161_651 @usc_22_2378d_d6 @usc_22_2378d_a
  Scenario: Only the force of an incident whose information counts and whose unit is not identified is held
    Given these incidents:
      | id       | date       | violations            | units     | identified | force   |
      | torture  | 2011-01-01 | torture               | battalion |            |         |
      | raid     | 2011-01-03 | extrajudicial-killing | battalion |            | federal |
      | massacre | 2011-01-06 | extrajudicial-killing |           | no         | state   |
    And this information:
      | id         | incident | received   | assessment   | assessed on |
      | i-torture  | torture  | 2011-02-01 | credible     | 2011-03-01  |
      | i-raid     | raid     | 2011-02-01 | credible     | 2011-03-01  |
      | i-massacre | massacre | 2011-02-01 | not-credible | 2011-03-01  |
    When the as-of date is 2011-06-30
    Then under both laws the statuses are:
      | unit      | State      | DoD        |
      | battalion | ineligible | ineligible |
      | federal   | eligible   | eligible   |
      | state     | eligible   | eligible   |
    When the as-of date is 2015-01-31
    Then under both laws the statuses are:
      | unit      | State      | DoD        |
      | battalion | ineligible | ineligible |
      | federal   | eligible   | eligible   |
      | state     | eligible   | eligible   |

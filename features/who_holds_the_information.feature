@credible_information
Feature: Who holds the information — the State law turns on what State has, the DoD law on what DoD has
  22 U.S.C. 2378d(a) bars assistance when the Secretary of State has credible information; 10 U.S.C. 362(a)(1)
  when the Secretary of Defense has it, and 362(a)(2) makes DoD fully consider State's. Before the FY2014 act the
  DoD provision acted only on information received from the Department of State. DoD shares what it holds with
  State (362(d)). An item says who holds it (`held by`: state, dod, both; default both).

  Background:
    Given both laws apply
    And these units:
      | id        | name              | parent |
      | army      | the army          |        |
      | battalion | the 9th battalion | army   |
    And these incidents:
      | id      | date       | violations | units     |
      | torture | 2012-06-30 | torture    | battalion |
    And these proposals:
      | id        | sources | kind     | units     |
      | state-aid | imet    | training | battalion |
      | dod-aid   | dod     | training | battalion |

  @usc_10_362_a1 @usc_10_362_d @usc_22_2378d_a
  Scenario: Information only DoD holds bars DoD assistance, not State assistance, and is to be shared with State
    Given the as-of date is 2015-01-31
    And this information:
      | id     | incident | received   | assessment | assessed on | held by |
      | report | torture  | 2012-07-01 | credible   | 2012-09-01  | dod     |
    Then under both laws the statuses are:
      | unit      | State    | DoD        |
      | battalion | eligible | ineligible |
    And the outcomes are:
      | proposal  | outcome  |
      | state-aid | approved |
      | dod-aid   | rejected |
    And the open tasks are exactly:
      | kind                        | subject | law |
      | share-information-with-state | report  | DoD |

  @usc_10_362_a2 @usc_22_2378d_a
  Scenario: Information only State holds bars assistance under both laws
    Given the as-of date is 2015-01-31
    And this information:
      | id     | incident | received   | assessment | assessed on | held by |
      | report | torture  | 2012-07-01 | credible   | 2012-09-01  | state   |
    Then the unit `battalion` is ineligible under both laws
    And the finding for `battalion` under the DoD law rests on `report`
    And no task `share-information-with-state` is open

  @pl_112_74_8058 @usc_10_362_a1 @time
  Scenario: Before FY2014 the DoD provision acted only on information received from State
    Given this information:
      | id     | incident | received   | assessment | assessed on | held by |
      | report | torture  | 2012-07-01 | credible   | 2012-09-01  | dod     |
    When the as-of date is 2014-01-16
    Then the unit `battalion` is eligible under the DoD law
    And the proposal `dod-aid` is approved
    When the as-of date is 2014-01-17
    Then the unit `battalion` is ineligible under the DoD law
    And the proposal `dod-aid` is rejected

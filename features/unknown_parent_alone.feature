@hierarchy
Feature: Unknown is not "no" — a unit alone under an unknown parent
  The task to find a unit's parent rests on the bar that could reach it, whether or not any unit is under the
  unit whose parent is unknown (docs/decisions.md, "Unknown values").

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: A unit with no unit under it and a parent unknown is held, and a task asks for its parent
    Given both laws apply
    And the as-of date is 2015-06-30
    And these units:
      | id    | name              | parent  |
      | army  | the army          |         |
      | bn-9  | the 9th battalion | unknown |
    And these incidents:
      | id      | date       | violations | units |
      | killing | 2014-06-30 | torture    | army  |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    Then under both laws the statuses are:
      | unit | State      | DoD        |
      | army | ineligible | ineligible |
      | bn-9 | suspended  | suspended  |
    And the open tasks are exactly:
      | kind                 | subject | law   |
      | identify-parent-unit | bn-9    | State |
      | identify-parent-unit | bn-9    | DoD   |

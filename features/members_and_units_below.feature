@individuals @hierarchy
Feature: What members and units below share with a unit: its bar or suspension on the day, and nothing else
  A person serving in a barred or suspended unit on the as-of date shares its status, from the first day of his
  posting and not before it; a unit under a barred or suspended unit shares it too. A note about a unit (a
  second-tier violation reviewed "not gross") changes no status and is not passed on to its members or to the
  units under it.

  Background:
    Given both laws apply
    And the as-of date is 2015-06-30
    And these units:
      | id        | name              | parent    |
      | army      | the army          |           |
      | battalion | the 9th battalion | army      |
      | company   | a company of the 9th | battalion |
      | school    | the school        | army      |
      | platoon   | a platoon of the school | school |
    And these people:
      | id       | name        | unit      | role   | from       |
      | recruit  | a recruit   | battalion | member | 2015-06-30 |
      | transfer | a transfer  | battalion | member | 2015-07-01 |
      | teacher  | a teacher   | school    | member | 2014-01-01 |
    And these incidents:
      | id      | date       | violations                        | units     |
      | torture | 2014-06-30 | torture                           | battalion |
      | beating | 2014-06-30 | cruel-inhuman-degrading-treatment | school    |
    And this information:
      | id     | incident | received   | assessment | assessed on | second tier |
      | report | torture  | 2014-07-01 | credible   | 2014-09-01  |             |
      | review | beating  | 2014-07-01 | credible   | 2014-09-01  | not-gross   |

  @usc_22_2378d_d5 @usc_10_362_a1 @usc_22_2378d_a @usc_22_2304_d1
  Scenario: A member shares the bar from the first day of his posting; a note stays with its unit
    Then under both laws the statuses are:
      | person   | State      | DoD        |
      | recruit  | ineligible | ineligible |
      | transfer | eligible   | eligible   |
      | teacher  | eligible   | eligible   |
    And under both laws the statuses are:
      | unit      | State      | DoD        |
      | battalion | ineligible | ineligible |
      | company   | ineligible | ineligible |
      | school    | eligible   | eligible   |
      | platoon   | eligible   | eligible   |
    And the note `reviewed-not-gross-is-derogatory` explains `school` under the State law
    And there is no finding for `teacher` under both laws
    And there is no finding for `platoon` under both laws
    And there is no finding for `transfer` under both laws

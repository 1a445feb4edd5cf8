@violations @credible_information
Feature: Each information item is judged by its own violation, assessment and review
  A bar, a suspension, a note or a task rests on one information item: on the violation that item reports, on
  its own assessment and its own review. Another item in the same case, however grave, changes nothing for
  it. A review of a second-tier violation speaks only of a second-tier violation the government has found
  credible; a report of a violation that is not a gross violation at all (`other`) bars and suspends nothing.

  Background:
    Given both laws apply
    And these units:
      | id         | name              | parent |
      | army       | the army          |        |
      | bn-torture | the 1st battalion | army   |
      | bn-other   | the 2nd battalion | army   |
      | bn-unknown | the 3rd battalion | army   |

  @usc_22_2378d_a @usc_10_362_a1 @usc_22_2304_d1 @state_leahy_fact_sheet @usc_10_362_d
  Scenario: Reports of gross violations bar their unit, and nobody named in a report of a violation that is not gross
    Given the as-of date is 2015-01-31
    And these incidents:
      | id       | date       | violations                        | units      |
      | torture  | 2014-06-30 | torture                           | bn-torture |
      | beating  | 2014-06-30 | cruel-inhuman-degrading-treatment | bn-torture |
      | quarrel  | 2014-06-30 | other                             | bn-other   |
      | dispute  | 2014-06-30 | other                             | bn-other   |
    And this information:
      | id        | incident | received   | assessment | assessed on | second tier | held by |
      | i-torture | torture  | 2014-07-01 | credible   | 2014-09-01  | not-gross   | dod     |
      | i-beating | beating  | 2014-07-01 | credible   | 2014-09-01  | gross       | dod     |
      | i-quarrel | quarrel  | 2014-07-01 | credible   | 2014-09-01  | not-gross   | dod     |
      | i-dispute | dispute  | 2014-07-01 | pending    |             |             | dod     |
    Then under the DoD law the statuses are:
      | unit       | status     |
      | bn-torture | ineligible |
      | bn-other   | eligible   |
    And the findings for `bn-torture` under the DoD law are:
      | rule            | effect |
      | unit-implicated | bar    |
    And there is no finding for `bn-other` under both laws
    And the open tasks are exactly:
      | kind                         | subject   | law |
      | share-information-with-state | i-torture | DoD |
      | share-information-with-state | i-beating | DoD |

  @state_leahy_fact_sheet @usc_22_2304_d1
  Scenario: A review found "not gross" before the information is found credible leaves it pending
    Given the as-of date is 2015-01-31
    And these incidents:
      | id      | date       | violations                        | units    |
      | beating | 2014-06-30 | cruel-inhuman-degrading-treatment | bn-other |
    And this information:
      | id        | incident | received   | assessment | second tier |
      | i-beating | beating  | 2014-07-01 | pending    | not-gross   |
    Then the unit `bn-other` is suspended under both laws
    And the findings for `bn-other` under the State law are:
      | rule            | effect  |
      | unit-implicated | suspend |

  @state_leahy_fact_sheet
  Scenario: Only the item whose violation is of unknown kind is to be classified
    Given the as-of date is 2015-01-31
    And these incidents:
      | id      | date       | violations | units      |
      | torture | 2014-06-30 | torture    | bn-torture |
      | unknown | 2014-06-30 | unknown    | bn-unknown |
    And this information:
      | id        | incident | received   | assessment | assessed on |
      | i-torture | torture  | 2014-07-01 | credible   | 2014-09-01  |
      | i-unknown | unknown  | 2014-07-01 | credible   | 2014-09-01  |
    Then under both laws the statuses are:
      | unit       | State      | DoD        |
      | bn-torture | ineligible | ineligible |
      | bn-unknown | suspended  | suspended  |
    And the open tasks are exactly:
      | kind               | subject   | law   |
      | classify-violation | i-unknown | State |
      | classify-violation | i-unknown | DoD   |

  @usc_10_362_d @time
  Scenario: DoD shares information from the day it receives it, not before
    Given these incidents:
      | id      | date       | violations | units      |
      | torture | 2014-06-30 | torture    | bn-torture |
    And this information:
      | id        | incident | received   | assessment | held by |
      | i-torture | torture  | 2014-07-01 | pending    | dod     |
    When the as-of date is 2014-06-30
    Then no task is open
    And the unit `bn-torture` is eligible under the DoD law
    When the as-of date is 2014-07-01
    Then the open tasks are exactly:
      | kind                         | subject   | law |
      | share-information-with-state | i-torture | DoD |
    And the unit `bn-torture` is suspended under the DoD law

  @state_leahy_fact_sheet @usc_10_362_a2 @time
  Scenario: An assessment still open suspends even when its opening is dated; one closed on the as-of date does not
    Given the as-of date is 2015-01-31
    And these incidents:
      | id      | date       | violations | units      |
      | torture | 2014-06-30 | torture    | bn-torture |
      | beating | 2014-06-30 | torture    | bn-other   |
    And this information:
      | id        | incident | received   | assessment   | assessed on |
      | i-torture | torture  | 2014-07-01 | pending      | 2014-09-01  |
      | i-beating | beating  | 2014-07-01 | not-credible | 2015-01-31  |
    Then under both laws the statuses are:
      | unit       | State     | DoD       |
      | bn-torture | suspended | suspended |
      | bn-other   | eligible  | eligible  |

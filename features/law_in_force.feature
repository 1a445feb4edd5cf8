@unidentified @time
Feature: The law in force on the as-of date — 22 U.S.C. 2378d before December 2011, from 2011, and since 2022
  Before the amendment of 23 December 2011 the State provision (FAA sec. 620J, Pub. L. 110-161) had no (d)
  procedures: no duty to seek the unit of an unidentified perpetrator, no unit list. From 2011 to the 2022
  amendment, assistance to recipients not identified cannot be vetted and is held, and the Secretary informs the
  foreign government when assistance is withheld from a unit (the former (c)). Since the 2022 amendment
  ((c)(1)), assistance whose recipient units cannot be identified in advance may go once the list of barred
  units has been given to the recipient government and, from 31 December 2022, under its written agreement;
  the engine then neither holds it nor cites the former (c).

  Background:
    Given the law is the State law
    And these units:
      | id        | name              | parent    |
      | police    | the federal police |          |
      | battalion | the 9th battalion | police    |
    And these incidents:
      | id      | date       | violations            | identified | force  |
      | grave   | 2009-06-30 | extrajudicial-killing | no         | police |
    And this information:
      | id    | incident | received   | assessment | assessed on |
      | cable | grave    | 2009-07-01 | credible   | 2009-08-01  |

  @pl_110_161_651 @usc_22_2378d_d6
  Scenario: A pre-2011 case — the force is held, but no (d)(6) task is cited before the (d) procedures existed
    Given these units:
      | id     | name       | parent |
      | school | a school   |        |
    And these proposals:
      | id      | sources | kind     | identified | units  |
      | pooled  | incle   | training | no         |        |
      | named   | incle   | training | yes        | school |
    When the as-of date is 2010-06-01
    Then the unit `police` is suspended under the State law
    And the finding for `police` under the State law cites `pl-110-161-651`
    And no finding for `police` under the State law cites `usc-22-2378d-d6`
    And the proposal `pooled` is held
    And the proposal `named` is approved
    And the finding for `pooled` under the State law cites `pl-110-161-651`
    And the open tasks are exactly:
      | kind                | subject | law   |
      | identify-recipients | pooled  | State |
    When the as-of date is 2011-12-22
    Then the proposal `pooled` is held
    And the finding for `pooled` under the State law cites `pl-110-161-651`
    And no finding for `pooled` under the State law cites `usc-22-2378d-d1`
    And a task `identify-recipients` is open for `pooled` under the State law
    And the task `identify-recipients` for `pooled` under the State law cites `pl-110-161-651`
    When the as-of date is 2011-12-23
    Then the finding for `police` under the State law cites `usc-22-2378d-d6`
    And the finding for `pooled` under the State law cites `usc-22-2378d-d1`
    And no finding for `pooled` under the State law cites `pl-110-161-651`
    And the task `identify-recipients` for `pooled` under the State law cites `usc-22-2378d-d1`
    And a task `identify-unit` is open for `grave` under the State law

  @usc_22_2378d_c1 @usc_22_2378d_d1
  Scenario: A proposal to recipients not identified, after 2022, goes ahead with the list and the written agreement
    Given these units:
      | id     | name     | parent |
      | school | a school |        |
    And these proposals:
      | id     | sources | kind      | identified | barred list given | written agreement | units  |
      | pooled | incle   | equipment | no         | 2022-06-01        | 2023-01-15        |        |
      | named  | incle   | equipment | yes        |                   |                   | school |
    When the as-of date is 2022-03-14
    Then the proposal `pooled` is held
    And the finding for `pooled` under the State law cites `usc-22-2378d-d1`
    And no finding for `pooled` under the State law cites `usc-22-2378d-c1`
    And the task `identify-recipients` for `pooled` under the State law cites `usc-22-2378d-d1`
    And the open tasks are exactly:
      | kind                | subject | law   |
      | identify-recipients | pooled  | State |
      | identify-unit       | grave   | State |
    When the as-of date is 2022-03-15
    Then the proposal `pooled` is held
    And the finding for `pooled` under the State law cites `usc-22-2378d-c1`
    And no finding for `pooled` under the State law cites `usc-22-2378d-d1`
    And the open tasks are exactly:
      | kind                  | subject | law   |
      | give-barred-unit-list | pooled  | State |
      | identify-unit         | grave   | State |
    When the as-of date is 2022-05-31
    Then the proposal `pooled` is held
    And the proposal `named` is approved
    And the finding for `pooled` under the State law cites `usc-22-2378d-c1`
    And the open tasks are exactly:
      | kind                  | subject | law   |
      | give-barred-unit-list | pooled  | State |
      | identify-unit         | grave   | State |
    When the as-of date is 2022-06-01
    Then the proposal `pooled` is approved
    And no task `give-barred-unit-list` is open
    When the as-of date is 2023-01-14
    Then the proposal `pooled` is held
    And the proposal `named` is approved
    And the open tasks are exactly:
      | kind                     | subject | law   |
      | obtain-written-agreement | pooled  | State |
      | identify-unit            | grave   | State |
    When the as-of date is 2023-01-15
    Then the proposal `pooled` is approved
    And no task `obtain-written-agreement` is open

  @usc_22_2378d_c1
  Scenario: After 31 December 2022, the list without the written agreement is not enough
    Given these proposals:
      | id     | sources | kind     | identified | barred list given |
      | pooled | fmf     | training | no         | 2022-06-01        |
    When the as-of date is 2022-12-30
    Then the proposal `pooled` is approved
    And no task `obtain-written-agreement` is open
    When the as-of date is 2022-12-31
    Then the proposal `pooled` is held
    And a task `obtain-written-agreement` is open for `pooled` under the State law

  @usc_22_2378d_c @usc_22_2378d_a
  Scenario: The duty to inform the foreign government under the former (c) ends with the 2022 amendment
    Given these incidents:
      | id      | date       | violations | units     |
      | torture | 2020-01-10 | torture    | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | torture  | 2020-02-01 | credible   | 2020-03-01  |
    And these proposals:
      | id    | sources | kind     | units     |
      | grant | fmf     | training | battalion |
    When the as-of date is 2022-03-14
    Then the proposal `grant` is rejected
    And a task `inform-foreign-government` is open for `battalion` under the State law
    When the as-of date is 2022-03-15
    Then the proposal `grant` is rejected
    And no task `inform-foreign-government` is open for `battalion`

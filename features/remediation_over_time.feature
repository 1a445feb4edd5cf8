@state_exception
Feature: Remediation over time — the State exception is a present test, the DoD exception a completed one
  22 U.S.C. 2378d(b) lifts the bar while the government "is taking effective steps" to bring the responsible
  members of the unit to justice, once the Secretary has determined it and reported it to Congress. When, after
  the determination, the charges are dropped or the suspects released, the exception lapses for that violation
  and the bar comes back, until a new determination is made and reported. 10 U.S.C. 362(b) asks whether the
  government "has taken all necessary corrective steps": a completed act, which a later release does not undo.
  Any determination ends on the day it is revoked. A determination whose report to Congress the case cannot
  confirm (`reported: unknown`) neither leaves the unit silently ineligible nor clears it: the unit is held,
  and a task asks to find out.

  Background:
    Given both laws apply
    And these units:
      | id        | name              | parent |
      | army      | the army          |        |
      | battalion | the 9th battalion | army   |
      | company   | a company         | battalion |
    And these incidents:
      | id      | date       | violations            | units     |
      | killing | 2014-06-30 | extrajudicial-killing | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    And these proposals:
      | id        | sources | kind     | units     |
      | state-aid | faa     | training | battalion |
      | dod-aid   | dod     | training | battalion |

  @usc_22_2378d_b @usc_10_362_b @time
  Scenario: A State remediation lapses when the suspects are released; the DoD remediation stays
    Given these determinations:
      | id         | kind                  | unit      | made       | reported   | consulted state | incidents |
      | steps      | state-effective-steps | battalion | 2015-03-01 | 2015-03-10 |                 | killing   |
      | corrective | dod-corrective-steps  | battalion | 2015-03-01 | 2015-03-10 | yes             | killing   |
    And these investigations:
      | id          | incident | kind        | status            | status on  |
      | prosecution | killing  | prosecution | suspects-released | 2015-06-01 |
    When the as-of date is 2015-05-31
    Then under both laws the statuses are:
      | unit      | State      | DoD        |
      | battalion | remediated | remediated |
      | company   | remediated | remediated |
    When the as-of date is 2015-06-01
    Then under both laws the statuses are:
      | unit      | State      | DoD        |
      | battalion | ineligible | remediated |
      | company   | ineligible | remediated |
    And the outcomes are:
      | proposal  | outcome               |
      | state-aid | rejected              |
      | dod-aid   | approved-by-exception |
    And the finding for `battalion` under the State law rests on `prosecution`
    And the finding for `battalion` under the State law cites `usc-22-2378d-b`

  @usc_22_2378d_b @time
  Scenario: A new determination, made and reported after the release, lifts the bar again
    Given these determinations:
      | id        | kind                  | unit      | made       | reported   | incidents |
      | steps     | state-effective-steps | battalion | 2015-03-01 | 2015-03-10 | killing   |
      | new-steps | state-effective-steps | battalion | 2015-09-01 | 2015-09-15 | killing   |
    And these investigations:
      | id          | incident | kind        | status    | status on  |
      | prosecution | killing  | prosecution | dismissed | 2015-06-01 |
    When the as-of date is 2015-09-14
    Then the unit `battalion` is ineligible under the State law
    When the as-of date is 2015-09-15
    Then the unit `battalion` is remediated under the State law
    And the proposal `state-aid` is approved-by-exception

  @usc_22_2378d_b @usc_10_362_b @time
  Scenario: A revoked determination no longer lifts the bar
    Given these determinations:
      | id         | kind                  | unit      | made       | reported   | consulted state | incidents | revoked    |
      | steps      | state-effective-steps | battalion | 2015-03-01 | 2015-03-10 |                 | killing   | 2015-08-01 |
      | corrective | dod-corrective-steps  | battalion | 2015-03-01 | 2015-03-10 | yes             | killing   | 2015-08-01 |
    When the as-of date is 2015-07-31
    Then the unit `battalion` is remediated under both laws
    When the as-of date is 2015-08-01
    Then the unit `battalion` is ineligible under both laws

  @usc_22_2378d_b
  Scenario: A determination with a review date opens a task to review the steps
    Given the as-of date is 2015-06-30
    And these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents | review     |
      | steps | state-effective-steps | battalion | 2015-03-01 | 2015-03-10 | killing   | 2016-03-01 |
    Then the unit `battalion` is remediated under the State law
    And the open tasks are exactly:
      | kind                   | subject | law   | due        |
      | review-effective-steps | steps   | State | 2016-03-01 |

  @usc_22_2378d_b
  Scenario Outline: A reported determination remediates; one whose report is unknown holds the unit, with a task
    Given the as-of date is 2015-06-30
    And these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents |
      | steps | state-effective-steps | battalion | 2015-03-01 | <reported> | killing   |
    Then under the State law the statuses are:
      | unit      | status   |
      | battalion | <status> |
      | company   | <status> |
    And the proposal `state-aid` is <outcome>
    And the finding for `battalion` under the State law rests on `steps`

    Examples:
      | reported   | status     | outcome               |
      | 2015-03-10 | remediated | approved-by-exception |
      | unknown    | suspended  | suspended             |

  @usc_22_2378d_b @usc_10_362_e
  Scenario: A determination whose report is unknown opens a task to find out, never a report task
    Given the as-of date is 2015-06-30
    And these determinations:
      | id         | kind                  | unit      | made       | reported | consulted state | incidents |
      | steps      | state-effective-steps | battalion | 2015-03-01 | unknown  |                 | killing   |
      | corrective | dod-corrective-steps  | battalion | 2015-03-01 | unknown  | yes             | killing   |
    Then the unit `battalion` is suspended under the State law
    And the unit `battalion` is remediated under the DoD law
    And the open tasks are exactly:
      | kind                       | subject    | law   |
      | confirm-report-to-congress | steps      | State |
      | confirm-report-to-congress | corrective | DoD   |

  @usc_10_362_b
  Scenario: A corrective-steps determination whose consultation with State is unknown has no effect, and a task asks
    Given the as-of date is 2015-06-30
    And these determinations:
      | id         | kind                 | unit      | made       | reported   | consulted state | incidents |
      | corrective | dod-corrective-steps | battalion | 2015-03-01 | 2015-03-10 | unknown         | killing   |
    Then the unit `battalion` is ineligible under the DoD law
    And the open tasks are exactly:
      | kind                            | subject    | law |
      | confirm-consultation-with-state | corrective | DoD |
      | inform-foreign-government       | battalion  | State |

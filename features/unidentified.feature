@unidentified
Feature: Incidents with no identified unit, assistance with no identified recipients
  When there is information of a gross violation but the unit is not identified, the Secretary of State must
  seek to identify it: a task, never a silent pass. If the sources name the force, that force and every unit
  under it are suspended (never barred) until the unit is identified — our reading. Assistance whose recipients
  are not identified cannot be vetted: it is `held` — a gap in the data, not a human-rights suspension — and a
  task asks to identify them.

  Background:
    Given both laws apply
    And the as-of date is 2015-06-30
    And these units:
      | id      | name                   | kind   | parent  |
      | federal | the federal police     | police |         |
      | region  | a regional command     | police | federal |
      | state   | a state police         | police |         |
    And these incidents:
      | id       | date       | violations            | identified | force   |
      | massacre | 2015-01-06 | extrajudicial-killing | no         | federal |
      | grave    | 2014-01-01 | extrajudicial-killing | no         |         |

  @usc_22_2378d_d6
  Scenario: Credible information with no identified unit opens a task to identify the unit
    Given this information:
      | id     | incident | received   | assessment | assessed on |
      | report | massacre | 2015-04-15 | credible   | 2015-05-01  |
    Then a task `identify-unit` is open for `massacre` under the State law
    And the open tasks are exactly:
      | kind          | subject  | law   |
      | identify-unit | massacre | State |

  @usc_22_2378d_d6 @usc_10_362_a2 @hierarchy
  Scenario: The force the sources name is suspended, with every unit under it, never barred
    Given this information:
      | id     | incident | received   | assessment | assessed on |
      | report | massacre | 2015-04-15 | credible   | 2015-05-01  |
    Then under both laws the statuses are:
      | unit    | State     | DoD       |
      | federal | suspended | suspended |
      | region  | suspended | suspended |
      | state   | eligible  | eligible  |
    And the finding for `federal` under the State law cites `usc-22-2378d-d6`
    And the finding for `federal` under the DoD law cites `usc-10-362-a2`

  @usc_22_2378d_d6
  Scenario: With no force named the task is the only consequence
    Given this information:
      | id    | incident | received   | assessment |
      | cable | grave    | 2014-02-01 | pending    |
    Then the units suspended under the State law are exactly none
    And the open tasks are exactly:
      | kind          | subject | law   |
      | identify-unit | grave   | State |

  @usc_22_2378d_d6 @usc_10_362_a1
  Scenario: The task to identify the unit is the State Department's; the DoD law holds the force all the same
    Given the law is the DoD law
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | massacre | 2015-04-15 | credible   | 2015-05-01  |
    Then no task is open
    And the unit `federal` is suspended under the DoD law

  @usc_22_2378d_d6 @usc_22_2378d_a
  Scenario: Assistance to the force is suspended (a human-rights suspension, not a data hold) until the unit is identified
    Given this information:
      | id     | incident | received   | assessment | assessed on |
      | report | massacre | 2015-04-15 | credible   | 2015-05-01  |
    And these proposals:
      | id       | authority | kind      | units  |
      | software | faa       | equipment | region |
    Then the outcomes are:
      | proposal | outcome   |
      | software | suspended |
    And no task `inform-foreign-government` is open

  @usc_22_2378d_d6 @credible_information
  Scenario: Information about an unidentified unit assessed not credible opens no task
    Given this information:
      | id     | incident | received   | assessment   | assessed on |
      | report | massacre | 2015-04-15 | not-credible | 2015-05-01  |
    Then no task is open
    And the unit `federal` is eligible under both laws

  @usc_22_2378d_d1 @usc_10_362_a1
  Scenario: Assistance whose recipients are not identified is held for the data, not suspended, and a task asks to identify them
    Given these proposals:
      | id          | sources   | channel | kind      | identified |
      | state-train | faa       |         | training  | no         |
      | dod-train   | dod       |         | training  | no         |
      | sales       | purchaser | fms     | equipment | no         |
    Then the outcomes are:
      | proposal    | outcome     |
      | state-train | held        |
      | dod-train   | held        |
      | sales       | not-covered |
    And the open tasks are exactly:
      | kind                | subject     | law   |
      | identify-recipients | state-train | State |
      | identify-recipients | dod-train   | DoD   |

  @usc_10_362_a1 @usc_22_2378d_d1 @pl_112_74_8058
  Scenario: Before December 2014, DoD equipment of earlier funds is not covered, and nothing is held for its recipients
    Given the as-of date is 2014-06-30
    And these proposals:
      | id     | sources  | kind      | fiscal year | identified |
      | rifles | dod      | equipment | 2013        | no         |
      | mixed  | fmf, dod | equipment | 2013        | no         |
      | drill  | dod      | training  | 2013        | no         |
    Then the findings for `rifles` under the DoD law are:
      | rule                                       | effect      |
      | dod-equipment-of-earlier-funds-not-covered | not-covered |
    And the findings for `mixed` under the DoD law are:
      | rule                                       | effect      |
      | dod-equipment-of-earlier-funds-not-covered | not-covered |
    And the findings for `mixed` under the State law are:
      | rule                                 | effect  | citation        |
      | state-law-covers-faa-aeca-assistance | covered | usc-22-2378d-a  |
      | state-recipients-must-be-identified  | hold    | usc-22-2378d-d1 |
    And the findings for `drill` under the DoD law are:
      | rule                                        | effect  | citation       |
      | dod-law-covered-only-training-before-fy2014 | covered | pl-112-74-8058 |
      | recipients-must-be-identified               | hold    | usc-10-362-a1  |
    And the open tasks are exactly:
      | kind                | subject | law   |
      | identify-recipients | mixed   | State |
      | identify-recipients | drill   | DoD   |

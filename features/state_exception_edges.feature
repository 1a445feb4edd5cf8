@state_exception
Feature: What a State determination lifts, and what one whose report is unknown holds
  A State effective-steps determination lifts the State bar on the unit it names, for the incidents it names
  and the information received by the day it was made, from the day it was made and reported until it is
  revoked. Where the case cannot say whether it was reported to Congress, the bar it would lift becomes a hold
  (our reading of an unknown: docs/decisions.md); a suspension stays a suspension. Either way it reaches only
  the State bar on that unit: not a bar under the DoD law, not a bar on the unit above, not another unit.

  Background:
    Given both laws apply
    And the as-of date is 2015-06-30
    And these units:
      | id        | name              | parent |
      | army      | the army          |        |
      | zone      | the 22nd zone     | army   |
      | battalion | the 9th battalion | zone   |
      | company   | a company         | zone   |
      | outpost   | an outpost        | army   |
      | post      | a border post     | army   |
    And these incidents:
      | id      | date       | violations            | units     |
      | killing | 2014-06-30 | extrajudicial-killing | battalion |
      | beating | 2014-05-01 | torture               | outpost   |
    And this information:
      | id        | incident | received   | assessment | assessed on |
      | report    | killing  | 2014-07-01 | credible   | 2014-09-01  |
      | complaint | beating  | 2014-05-02 | credible   | 2014-06-01  |

  @usc_22_2378d_b @time
  Scenario Outline: A determination whose report is unknown turns the bar it would lift into a hold
    Given these determinations:
      | id    | kind                  | unit      | made   | reported | revoked   | incidents |
      | steps | state-effective-steps | battalion | <made> | unknown  | <revoked> | killing   |
    Then the unit `battalion` is suspended under the State law
    And the findings for `battalion` under the State law are:
      | rule                                     | effect  | lifted |
      | unit-implicated                          | bar     | yes    |
      | state-exception-report-unknown-lifts-bar | lift    |        |
      | state-exception-report-unknown-holds     | suspend | no     |

    Examples:
      | made       | revoked    |
      | 2015-03-01 |            |
      | 2015-06-30 |            |
      | 2015-03-01 | 2015-07-01 |
      | 2014-07-01 |            |

  @usc_22_2378d_b @usc_10_362_b @time
  Scenario Outline: A determination whose report is unknown holds nothing where it would lift nothing
    Given these determinations:
      | id    | kind   | unit   | made   | reported | revoked   | consulted state | incidents   |
      | steps | <kind> | <unit> | <made> | unknown  | <revoked> | <consulted>     | <incidents> |
    Then the unit `battalion` is ineligible under the State law
    And the findings for `battalion` under the State law are:
      | rule            | effect | lifted |
      | unit-implicated | bar    | no     |

    Examples:
      | kind                  | unit      | made       | revoked    | consulted | incidents |
      | state-effective-steps | battalion | 2015-07-01 |            |           | killing   |
      | state-effective-steps | battalion | 2015-03-01 | 2015-06-30 |           | killing   |
      | state-effective-steps | battalion | 2014-06-30 |            |           | killing   |
      | state-effective-steps | zone      | 2015-03-01 |            |           | killing   |
      | state-effective-steps | battalion | 2015-03-01 |            |           | beating   |
      | dod-corrective-steps  | battalion | 2015-03-01 |            | yes       | killing   |

  @usc_22_2378d_b @time
  Scenario: A determination made and reported on the as-of date lifts the bar that day
    Given these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents |
      | steps | state-effective-steps | battalion | 2015-06-30 | 2015-06-30 | killing   |
    Then the unit `battalion` is remediated under the State law

  @usc_22_2378d_b @hierarchy
  Scenario Outline: A determination for a unit below lifts or holds nothing on the unit above
    Given these incidents:
      | id   | date       | violations | units |
      | raid | 2014-05-01 | torture    | zone  |
    And this information:
      | id          | incident | received   | assessment | assessed on |
      | raid-report | raid     | 2014-05-02 | credible   | 2014-06-01  |
    And these determinations:
      | id    | kind                  | unit    | made       | reported   | incidents |
      | steps | state-effective-steps | company | 2015-03-01 | <reported> | raid      |
    And these investigations:
      | id        | incident | status    | status on  |
      | raid-case | raid     | dismissed | 2015-04-01 |
    Then under the State law the statuses are:
      | unit    | status     |
      | zone    | ineligible |
      | company | ineligible |
    And the findings for `company` under the State law are:
      | rule                   | effect | lifted |
      | bar-covers-units-under | bar    | no     |

    Examples:
      | reported   |
      | 2015-03-10 |
      | unknown    |

  @usc_22_2378d_b @usc_10_362_a1
  Scenario Outline: A State determination does not touch a bar under the DoD law alone
    Given these incidents:
      | id   | date       | violations | units |
      | raid | 2014-05-01 | torture    | post  |
    And this information:
      | id         | incident | received   | assessment | assessed on | held by |
      | dod-report | raid     | 2014-05-02 | credible   | 2014-06-01  | dod     |
    And these determinations:
      | id    | kind                  | unit | made       | reported   | incidents |
      | steps | state-effective-steps | post | 2015-03-01 | <reported> | raid      |
    And these investigations:
      | id        | incident | status    | status on  |
      | raid-case | raid     | dismissed | 2015-04-01 |
    Then under both laws the statuses are:
      | unit | State    | DoD        |
      | post | eligible | ineligible |
    And there is no finding for `post` under the State law

    Examples:
      | reported   |
      | 2015-03-10 |
      | unknown    |

  @usc_22_2378d_b
  Scenario Outline: A determination lifts the bar only for the incidents it names, whatever another names
    Given these determinations:
      | id      | kind                  | unit      | made       | reported   | incidents |
      | steps-a | state-effective-steps | battalion | 2015-03-01 | <reported> | beating   |
      | steps-b | state-effective-steps | outpost   | 2015-03-01 | <reported> | killing   |
    Then under the State law the statuses are:
      | unit      | status     |
      | battalion | ineligible |
      | outpost   | ineligible |
    And the findings for `battalion` under the State law are:
      | rule            | effect | lifted |
      | unit-implicated | bar    | no     |
    And the findings for `outpost` under the State law are:
      | rule            | effect | lifted |
      | unit-implicated | bar    | no     |

    Examples:
      | reported   |
      | 2015-03-10 |
      | unknown    |

  @usc_22_2378d_b @credible_information
  Scenario: A suspension pending assessment stays a suspension when the report of a determination is unknown
    Given these incidents:
      | id        | date       | violations | units |
      | detention | 2015-01-01 | torture    | post  |
    And this information:
      | id          | incident  | received   | assessment |
      | open-report | detention | 2015-01-02 | pending    |
    And these determinations:
      | id    | kind                  | unit | made       | reported | incidents |
      | steps | state-effective-steps | post | 2015-03-01 | unknown  | detention |
    Then the unit `post` is suspended under the State law
    And the findings for `post` under the State law are:
      | rule            | effect  | lifted |
      | unit-implicated | suspend | no     |

  @usc_22_2378d_b @time
  Scenario: The exception lapses when the charges on an incident it names are dropped after it, and not otherwise
    The determination names both incidents, but only the killing is the battalion's; the trial of the killing
    goes on, a first inquiry was dismissed on the day the determination was made (before it, not after), and
    the case of the beating (the outpost's) was dismissed after it.
    Given these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents        |
      | steps | state-effective-steps | battalion | 2015-03-01 | 2015-03-10 | killing, beating |
    And these investigations:
      | id           | incident | status    | status on  |
      | trial        | killing  | charged   | 2015-04-01 |
      | early-case   | killing  | dismissed | 2015-03-01 |
      | beating-case | beating  | dismissed | 2015-04-01 |
    Then under the State law the statuses are:
      | unit      | status     |
      | battalion | remediated |
      | outpost   | ineligible |

  @usc_22_2378d_b @time
  Scenario: When the charges are dropped, a determination lapses for the information it covered, received by its day
    Given this information:
      | id           | incident | received                 | assessment | assessed on |
      | later-report | killing  | 2015-02-20 to 2015-03-01 | credible   | 2015-03-20  |
    And these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents |
      | steps | state-effective-steps | battalion | 2015-03-01 | 2015-03-10 | killing   |
    And these investigations:
      | id      | incident | status    | status on  |
      | inquiry | killing  | dismissed | 2015-04-01 |
    Then the unit `battalion` is ineligible under the State law
    And the findings for `battalion` under the State law are:
      | rule                            | effect | lifted | because               |
      | unit-implicated                 | bar    | no     | report                |
      | unit-implicated                 | bar    | no     | later-report          |
      | state-effective-steps-exception | lift   |        | steps, report         |
      | state-effective-steps-exception | lift   |        | steps, later-report   |
      | state-exception-lapses          | lapse  |        | steps, inquiry        |
      | investigation-is-not-remediation | note  |        | inquiry               |

  @usc_22_2378d_b @credible_information @time
  Scenario: A suspension lifted by a determination returns when the charges are dropped
    Given these incidents:
      | id        | date       | violations | units |
      | detention | 2015-01-01 | torture    | post  |
    And this information:
      | id          | incident  | received   | assessment |
      | open-report | detention | 2015-01-02 | pending    |
    And these determinations:
      | id    | kind                  | unit | made       | reported   | incidents |
      | steps | state-effective-steps | post | 2015-03-01 | 2015-03-10 | detention |
    And these investigations:
      | id   | incident  | status            | status on  |
      | case | detention | suspects-released | 2015-04-01 |
    Then the unit `post` is suspended under the State law

  @usc_22_2378d_b @usc_10_362_b @time
  Scenario: A determination that lifted nothing has nothing to lapse
    The post's determination was made before its information arrived; the DoD determination, the zone's and the
    outpost's (which names the battalion's incident) lift no State bar of the battalion or of the outpost.
    Given these incidents:
      | id   | date       | violations | units |
      | raid | 2015-02-01 | torture    | post  |
    And this information:
      | id          | incident | received   | assessment | assessed on |
      | raid-report | raid     | 2015-03-20 | credible   | 2015-03-25  |
    And these determinations:
      | id            | kind                  | unit      | made       | reported   | consulted state | incidents        |
      | post-steps    | state-effective-steps | post      | 2015-03-01 | 2015-03-10 |                 | raid             |
      | corrective    | dod-corrective-steps  | battalion | 2015-03-01 | 2015-03-10 | yes             | killing          |
      | zone-steps    | state-effective-steps | zone      | 2015-03-01 | 2015-03-10 |                 | killing, beating |
      | outpost-steps | state-effective-steps | outpost   | 2015-03-01 | 2015-03-10 |                 | killing          |
    And these investigations:
      | id           | incident | status    | status on  |
      | killing-case | killing  | dismissed | 2015-04-01 |
      | beating-case | beating  | dismissed | 2015-04-01 |
      | raid-case    | raid     | dismissed | 2015-04-01 |
    Then under the State law the statuses are:
      | unit      | status     |
      | battalion | ineligible |
      | outpost   | ineligible |
      | post      | ineligible |
    And the findings for `battalion` under the State law are:
      | rule                             | effect | lifted |
      | unit-implicated                  | bar    | no     |
      | investigation-is-not-remediation | note   |        |
    And the findings for `outpost` under the State law are:
      | rule                             | effect | lifted |
      | unit-implicated                  | bar    | no     |
      | investigation-is-not-remediation | note   |        |
    And the findings for `post` under the State law are:
      | rule                             | effect | lifted |
      | unit-implicated                  | bar    | no     |
      | investigation-is-not-remediation | note   |        |

  @usc_22_2378d_b @time
  Scenario Outline: A State determination opens its tasks from the day it is made, and its review until it is revoked
    Given these determinations:
      | id    | kind                  | unit      | made   | reported   | revoked   | review   | incidents |
      | steps | state-effective-steps | battalion | <made> | <reported> | <revoked> | <review> | killing   |
    Then the open tasks are exactly:
      | kind   | subject | law   | due   |
      | <task> | steps   | State | <due> |

    Examples:
      | made       | reported   | revoked    | review     | task                             | due        |
      | 2015-06-30 |            |            |            | report-determination-to-congress |            |
      | 2015-06-30 | unknown    |            |            | confirm-report-to-congress       |            |
      | 2015-06-30 | 2015-06-30 |            | 2015-09-01 | review-effective-steps           | 2015-09-01 |
      | 2015-03-01 | 2015-03-10 | 2015-07-01 | 2015-09-01 | review-effective-steps           | 2015-09-01 |
      | 2015-03-01 | 2015-03-10 |            | 9999-12-31 | review-effective-steps           | 9999-12-31 |

  @usc_22_2378d_b @usc_10_362_b @time
  Scenario Outline: No task for a determination not yet made, already reported, or revoked, nor a State review of a DoD one
    Given these determinations:
      | id    | kind   | unit      | made   | reported   | revoked   | review   | consulted state | incidents |
      | steps | <kind> | battalion | <made> | <reported> | <revoked> | <review> | <consulted>     | killing   |
    Then no task is open

    Examples:
      | kind                  | made       | reported   | revoked    | review     | consulted |
      | state-effective-steps | 2015-07-01 |            |            |            |           |
      | state-effective-steps | 2015-07-01 | unknown    |            |            |           |
      | state-effective-steps | 2015-03-01 | 2015-06-30 |            |            |           |
      | state-effective-steps | 2015-07-01 | 2015-07-02 |            | 2015-09-01 |           |
      | state-effective-steps | 2015-03-01 | 2015-03-10 | 2015-06-30 | 2015-09-01 |           |
      | dod-corrective-steps  | 2015-03-01 | 2015-03-10 |            | 2015-09-01 | yes       |

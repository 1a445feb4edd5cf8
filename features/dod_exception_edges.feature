@dod_exceptions
Feature: What a DoD corrective-steps determination lifts
  A DoD corrective-steps determination, made after consulting the Secretary of State, lifts the DoD bar or
  suspension on the unit it names, for the incidents it names: not the bar on the unit above, and only a
  determination of that kind.

  Background:
    Given both laws apply
    And the as-of date is 2015-06-30
    And these units:
      | id        | name              | parent |
      | army      | the army          |        |
      | zone      | the 22nd zone     | army   |
      | battalion | the 9th battalion | zone   |
      | company   | a company         | zone   |
      | post      | a border post     | army   |
    And these incidents:
      | id      | date       | violations            | units     |
      | killing | 2014-06-30 | extrajudicial-killing | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |

  @usc_10_362_b @hierarchy
  Scenario: A corrective-steps determination for a unit below lifts nothing on the unit above
    Given these incidents:
      | id   | date       | violations | units |
      | raid | 2014-05-01 | torture    | zone  |
    And this information:
      | id          | incident | received   | assessment | assessed on |
      | raid-report | raid     | 2014-05-02 | credible   | 2014-06-01  |
    And these determinations:
      | id         | kind                 | unit    | made       | reported   | consulted state | incidents |
      | corrective | dod-corrective-steps | company | 2015-03-01 | 2015-03-10 | yes             | raid      |
    Then under the DoD law the statuses are:
      | unit    | status     |
      | zone    | ineligible |
      | company | ineligible |

  @usc_10_362_b @credible_information
  Scenario: Corrective steps lift a DoD suspension pending assessment too
    Given these incidents:
      | id        | date       | violations | units |
      | detention | 2015-01-01 | torture    | post  |
    And this information:
      | id          | incident  | received   | assessment |
      | open-report | detention | 2015-01-02 | pending    |
    And these determinations:
      | id         | kind                 | unit | made       | reported   | consulted state | incidents |
      | corrective | dod-corrective-steps | post | 2015-03-01 | 2015-03-10 | yes             | detention |
    Then under both laws the statuses are:
      | unit | State     | DoD        |
      | post | suspended | remediated |

  @usc_10_362_b @usc_22_2378d_b
  Scenario: A State determination lifts no DoD bar, even one made after consulting
    Given these determinations:
      | id    | kind                  | unit      | made       | reported   | consulted state | incidents |
      | steps | state-effective-steps | battalion | 2015-03-01 | 2015-03-10 | yes             | killing   |
    Then under both laws the statuses are:
      | unit      | State      | DoD        |
      | battalion | remediated | ineligible |

  @usc_10_362_b @time
  Scenario Outline: Corrective steps lift the DoD bar on the unit named from the day the determination is made
    Given these determinations:
      | id         | kind                 | unit   | made   | consulted state | incidents |
      | corrective | dod-corrective-steps | <unit> | <made> | yes             | killing   |
    Then the unit `battalion` is <status> under the DoD law

    Examples:
      | unit      | made       | status     |
      | battalion | 2015-06-30 | remediated |
      | battalion | 2015-07-01 | ineligible |
      | zone      | 2015-03-01 | ineligible |

  @usc_10_362_b
  Scenario: Corrective steps lift the DoD bar only for the incidents the determination names, whatever another names
    Given these incidents:
      | id      | date       | violations | units |
      | beating | 2014-05-01 | torture    | post  |
    And this information:
      | id        | incident | received   | assessment | assessed on |
      | complaint | beating  | 2014-05-02 | credible   | 2014-06-01  |
    And these determinations:
      | id           | kind                 | unit      | made       | consulted state | incidents |
      | corrective-a | dod-corrective-steps | battalion | 2015-03-01 | yes             | beating   |
      | corrective-b | dod-corrective-steps | post      | 2015-03-01 | yes             | killing   |
    Then under the DoD law the statuses are:
      | unit      | status     |
      | battalion | ineligible |
      | post      | ineligible |

  @usc_10_362_b @usc_22_2378d_b
  Scenario: Only a DoD determination needs consultation with State; one made with it lifts the DoD bar without a note
    Given these determinations:
      | id         | kind                  | unit      | made       | reported   | consulted state | incidents |
      | corrective | dod-corrective-steps  | battalion | 2015-03-01 |            | yes             | killing   |
      | steps      | state-effective-steps | battalion | 2015-03-01 | 2015-03-10 |                 | killing   |
    Then under both laws the statuses are:
      | unit      | State      | DoD        |
      | battalion | remediated | remediated |
    And the findings for `battalion` under the DoD law are:
      | rule                           | effect | lifted |
      | unit-implicated                | bar    | yes    |
      | dod-corrective-steps-exception | lift   |        |

  @usc_10_362_b @time
  Scenario: A corrective-steps determination made without consulting State on the as-of date has no effect, and a note says so
    Given these determinations:
      | id         | kind                 | unit      | made       | consulted state | incidents |
      | corrective | dod-corrective-steps | battalion | 2015-06-30 | no              | killing   |
    Then the unit `battalion` is ineligible under the DoD law
    And the note `dod-determination-needs-consultation` explains `battalion` under the DoD law

  @usc_10_362_b @time
  Scenario Outline: Where the case cannot say whether State was consulted, a task asks, for a DoD determination already made
    Given these proposals:
      | id     | sources | kind      | units     |
      | trucks | dod     | equipment | battalion |
    And these determinations:
      | id  | kind   | unit      | proposal   | made   | reported   | consulted state | incidents   |
      | det | <kind> | battalion | <proposal> | <made> | <reported> | unknown         | <incidents> |
    Then the open `confirm-consultation-with-state` tasks are exactly:
      | kind                            | subject | law |
      | confirm-consultation-with-state | det     | DoD |
    And the findings for `battalion` under the DoD law are:
      | rule            | effect | lifted |
      | unit-implicated | bar    | no     |

    Examples:
      | kind                 | proposal | made       | reported   | incidents |
      | dod-waiver           | trucks   | 2015-03-01 | 2015-03-10 |           |
      | dod-corrective-steps |          | 2015-06-30 |            | killing   |

  @usc_10_362_b @usc_22_2378d_b @time
  Scenario Outline: No task to confirm a consultation for a determination not yet made, or one State makes
    Given these determinations:
      | id  | kind   | unit      | made   | reported   | consulted state | incidents |
      | det | <kind> | battalion | <made> | <reported> | unknown         | killing   |
    Then no task `confirm-consultation-with-state` is open

    Examples:
      | kind                  | made       | reported   |
      | dod-corrective-steps  | 2015-07-01 |            |
      | state-effective-steps | 2015-03-01 | 2015-03-10 |

  @usc_10_362_b @usc_10_362_c @time
  Scenario Outline: The emergency exception and the waiver let assistance go from the day they are made until revoked
    Given these proposals:
      | id     | sources | kind      | units     |
      | trucks | dod     | equipment | battalion |
    And these determinations:
      | id  | kind   | unit      | proposal | made   | revoked   | consulted state | emergency   |
      | det | <kind> | battalion | trucks   | <made> | <revoked> | <consulted>     | <emergency> |
    Then the proposal `trucks` is <outcome>
    And the unit `battalion` is ineligible under the DoD law

    Examples:
      | kind          | made       | revoked    | consulted | emergency    | outcome               |
      | dod-emergency | 2015-06-30 |            |           | humanitarian | approved-by-exception |
      | dod-emergency | 2015-07-01 |            |           | humanitarian | rejected              |
      | dod-emergency | 2015-03-01 | 2015-06-30 |           | humanitarian | rejected              |
      | dod-emergency | 2015-03-01 | 2015-07-01 |           | humanitarian | approved-by-exception |
      | dod-waiver    | 2015-03-01 |            | no        |              | rejected              |
      | dod-waiver    | 2015-06-30 |            | yes       |              | waived                |
      | dod-waiver    | 2015-03-01 | 2015-06-30 | yes       |              | rejected              |
      | dod-emergency | 2015-03-01 |            | yes       | humanitarian | approved-by-exception |

  @usc_10_362_b @time
  Scenario: An emergency determination reaches the one DoD activity it is made for
    Given these proposals:
      | id           | sources | kind      | units     |
      | trucks       | dod     | equipment | battalion |
      | radios       | dod     | other     | battalion |
      | course       | dod     | training  | battalion |
    And these determinations:
      | id          | kind          | unit      | proposal     | made       | emergency    |
      | emergency   | dod-emergency | battalion | trucks       | 2015-06-30 | humanitarian |
    Then the outcomes are:
      | proposal     | outcome               |
      | trucks       | approved-by-exception |
      | radios       | rejected              |
      | course       | rejected              |
    And the findings for `trucks` under the DoD law are:
      | rule                          | effect  |
      | dod-law-covers-dod-assistance | covered |
      | recipient-unit-barred         | bar     |
      | dod-emergency-exception       | except  |
    And the findings for `course` under the DoD law are:
      | rule                          | effect  |
      | dod-law-covers-dod-assistance | covered |
      | recipient-unit-barred         | bar     |

  @usc_10_362_b @usc_10_362_c @time
  Scenario Outline: The note that the emergency exception does not cover training, from the day it is made
    Given these proposals:
      | id     | sources | kind     | units     |
      | course | dod     | training | battalion |
    And these determinations:
      | id  | kind   | unit      | proposal | made   | consulted state | emergency   |
      | det | <kind> | battalion | course   | <made> | <consulted>     | <emergency> |
    Then the proposal `course` is rejected
    And the findings for `course` under the DoD law are:
      | rule   | effect   |
      | <rule> | <effect> |
      | dod-law-covers-dod-assistance | covered |
      | recipient-unit-barred         | bar     |

    Examples:
      | kind          | made       | consulted | emergency    | rule                           | effect |
      | dod-emergency | 2015-06-30 |           | humanitarian | dod-emergency-not-for-training | note   |
      | dod-emergency | 2015-07-01 |           | humanitarian | recipient-unit-barred          | bar    |
      | dod-waiver    | 2015-03-01 | no        |              | recipient-unit-barred          | bar     |

  @usc_10_362_e @time
  Scenario: The 15-day report to Congress is due from the day a corrective-steps determination is made until it is reported
    Given these determinations:
      | id         | kind                 | unit      | made       | reported   | consulted state | incidents |
      | corrective | dod-corrective-steps | battalion | 2015-06-30 |            | yes             | killing   |
      | reported   | dod-corrective-steps | battalion | 2015-03-01 | 2015-06-30 | yes             | killing   |
    Then the open tasks are exactly:
      | kind                       | subject    | law | due        |
      | report-to-congress-15-days | corrective | DoD | 2015-07-15 |

  @usc_10_362_e
  Scenario Outline: An emergency determination or a waiver is reported to Congress too, or a task asks whether it was
    Given these proposals:
      | id     | sources | kind      | units     |
      | trucks | dod     | equipment | battalion |
    And these determinations:
      | id  | kind   | unit      | proposal | made       | reported   | consulted state | emergency   |
      | det | <kind> | battalion | trucks   | 2015-06-20 | <reported> | <consulted>     | <emergency> |
    Then the open `<task>` tasks are exactly:
      | kind   | subject | law |
      | <task> | det     | DoD |

    Examples:
      | kind          | reported | consulted | emergency    | task                       |
      | dod-emergency | unknown  |           | humanitarian | confirm-report-to-congress |
      | dod-waiver    | unknown  | yes       |              | confirm-report-to-congress |
      | dod-emergency |          |           | humanitarian | report-to-congress-15-days |
      | dod-waiver    |          | yes       |              | report-to-congress-15-days |

  @usc_10_362_e @time
  Scenario: The task to find out whether a DoD determination was reported opens from the day it is made
    Given these proposals:
      | id     | sources | kind      | units     |
      | trucks | dod     | equipment | battalion |
      | radios | dod     | other     | battalion |
    And these determinations:
      | id        | kind          | unit      | proposal | made       | reported | emergency    |
      | det-today | dod-emergency | battalion | trucks   | 2015-06-30 | unknown  | humanitarian |
      | det-later | dod-emergency | battalion | radios   | 2015-07-01 | unknown  | humanitarian |
    Then the open `confirm-report-to-congress` tasks are exactly:
      | kind                       | subject   | law |
      | confirm-report-to-congress | det-today | DoD |

@hierarchy @individuals
Feature: Unknown is not "no" — a parent not known, a posting last seen
  A unit whose parent the sources do not name (`parent: unknown`), or whose link to its parent was last seen
  before the as-of date (`last seen`, its end unknown), is not standalone: any unit barred or suspended in the
  case could be above it, so it is held — suspended, never barred on that ground, never eligible — with the
  units under it, and a task `identify-parent-unit` asks to find out. A link that ended (`to`) or a later link
  of the same chain begun by the as-of date says where the unit is: no hold.
  A person last seen in a barred or suspended unit before the as-of date, with no end of the posting and no
  later posting begun by then, may still serve in it: he is suspended on its grounds with a task
  `confirm-posting`. docs/decisions.md, "Unknown values".

  Background:
    Given both laws apply
    And the as-of date is 2015-06-30
    And these units:
      | id     | name              | parent  | from       | to         | last seen  |
      | army   | the army          |         |            |            |            |
      | zone-a | the 22nd zone     | army    |            |            |            |
      | school | the school        | army    |            |            |            |
      | bn-1   | the 1st battalion | unknown | 2014-01-01 |            |            |
      | co-1   | a company         | bn-1    |            |            |            |
      | bn-2   | the 2nd battalion | zone-a  | 2010-01-01 |            | 2013-12-31 |
      | bn-3   | the 3rd battalion | zone-a  | 2010-01-01 | 2013-12-31 |            |
      | bn-4   | the 4th battalion | zone-a  | 2010-01-01 |            | 2013-12-31 |
      | bn-4   | the 4th battalion | army    | 2014-06-01 |            |            |
      | bn-5   | the 5th battalion |         |            |            |            |
      | bn-6   | the 6th battalion | zone-a  |            |            |            |
      | co-6   | a company         | bn-6    |            |            |            |
    And these people:
      | id        | name        | unit   | from       | to         | last seen  |
      | soldier-a | a soldier   | zone-a | 2010-01-01 |            | 2014-12-31 |
      | soldier-b | a corporal  | zone-a | 2010-01-01 | 2014-12-31 |            |
      | soldier-c | a sergeant  | zone-a | 2010-01-01 |            | 2014-06-30 |
      | soldier-c | a sergeant  | school | 2015-01-01 |            |            |
      | soldier-d | a private   | zone-a | 2010-01-01 |            | 2015-12-31 |
      | soldier-e | a cadet     | school | 2010-01-01 |            | 2014-12-31 |
      | civilian  | a civilian  |        |            |            |            |
    And these incidents:
      | id      | date       | violations | units  |
      | killing | 2014-06-30 | torture    | zone-a |

  @usc_22_2378d_a @usc_10_362_a1 @usc_22_2378d_d5
  Scenario: A bar on a zone holds the units whose parent is unknown and the people last seen in it
    Given this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    Then under both laws the statuses are:
      | unit   | State      | DoD        |
      | army   | eligible   | eligible   |
      | zone-a | ineligible | ineligible |
      | school | eligible   | eligible   |
      | bn-1   | suspended  | suspended  |
      | co-1   | suspended  | suspended  |
      | bn-2   | suspended  | suspended  |
      | bn-3   | eligible   | eligible   |
      | bn-4   | eligible   | eligible   |
      | bn-5   | eligible   | eligible   |
      | bn-6   | ineligible | ineligible |
      | co-6   | ineligible | ineligible |
    And under both laws the statuses are:
      | person    | State      | DoD        |
      | soldier-a | suspended  | suspended  |
      | soldier-b | eligible   | eligible   |
      | soldier-c | eligible   | eligible   |
      | soldier-d | ineligible | ineligible |
      | soldier-e | eligible   | eligible   |
    And the findings for `bn-1` under the State law are:
      | rule                 | effect  | because                 |
      | unknown-parent-holds | suspend | bn-1, zone-a, report    |
    And the findings for `co-1` under the State law are:
      | rule                                   | effect  | because      |
      | unknown-parent-hold-covers-units-under | suspend | bn-1, report |
    And the findings for `co-6` under the State law are:
      | rule                   | effect | because        |
      | bar-covers-units-under | bar    | zone-a, report |
    And the open tasks are exactly:
      | kind                 | subject   | law   |
      | identify-parent-unit | bn-1      | State |
      | identify-parent-unit | bn-1      | DoD   |
      | identify-parent-unit | bn-2      | State |
      | identify-parent-unit | bn-2      | DoD   |
      | confirm-posting      | soldier-a | State |
      | confirm-posting      | soldier-a | DoD   |

  @usc_22_2378d_a @usc_10_362_a1 @usc_22_2378d_d5
  Scenario: Information still pending holds them too, and only under the law that holds the information
    Given this information:
      | id     | incident | received   | assessment | held by |
      | report | killing  | 2014-07-01 | pending    | dod     |
    Then under both laws the statuses are:
      | unit   | State    | DoD       |
      | zone-a | eligible | suspended |
      | bn-1   | eligible | suspended |
      | co-1   | eligible | suspended |
      | bn-2   | eligible | suspended |
      | bn-4   | eligible | eligible  |
    And under both laws the statuses are:
      | person    | State    | DoD       |
      | soldier-a | eligible | suspended |
      | soldier-b | eligible | eligible  |
    And the open `identify-parent-unit` tasks are exactly:
      | kind                 | subject | law |
      | identify-parent-unit | bn-1    | DoD |
      | identify-parent-unit | bn-2    | DoD |
    And the open `confirm-posting` tasks are exactly:
      | kind            | subject   | law |
      | confirm-posting | soldier-a | DoD |

  @usc_22_2378d_a @usc_22_2378d_b @usc_10_362_a1 @usc_22_2378d_d5
  Scenario: An exception that lifts the zone's bar lifts the holds it made, and their tasks
    Given this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    And these determinations:
      | id    | kind                  | unit   | incidents | made       | reported   |
      | steps | state-effective-steps | zone-a | killing   | 2015-01-15 | 2015-01-30 |
    Then under both laws the statuses are:
      | unit   | State      | DoD        |
      | zone-a | remediated | ineligible |
      | bn-1   | remediated | suspended  |
      | co-1   | remediated | suspended  |
      | bn-2   | remediated | suspended  |
      | bn-3   | eligible   | eligible   |
    And under both laws the statuses are:
      | person    | State      | DoD        |
      | soldier-a | remediated | suspended  |
    And the open tasks are exactly:
      | kind                 | subject   | law |
      | identify-parent-unit | bn-1      | DoD |
      | identify-parent-unit | bn-2      | DoD |
      | confirm-posting      | soldier-a | DoD |

  @usc_22_2378d_a @usc_10_362_a1 @usc_22_2378d_d5
  Scenario: Nothing barred or suspended in the case: an unknown parent holds nothing and asks nothing
    Then the units suspended under the State law are exactly none
    And the units suspended under the DoD law are exactly none
    And no task is open

  @usc_22_2378d_a @usc_10_362_a1 @state_leahy_fact_sheet
  Scenario: A person implicated personally is no formation: he holds no unit whose parent is unknown
    Given these incidents:
      | id      | date       | violations | people   |
      | beating | 2014-06-30 | torture    | civilian |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-09-01  |
    Then the person `civilian` is ineligible under both laws
    And the units suspended under the State law are exactly none
    And the units ineligible under the State law are exactly none
    And no task is open

  @usc_22_2378d_a @usc_10_362_a1 @usc_22_2378d_d5
  Scenario: A bar on a unit with no unit under it holds them too
    Given these incidents:
      | id     | date       | violations | units  |
      | hazing | 2014-06-30 | torture    | school |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | hazing   | 2014-07-01 | credible   | 2014-09-01  |
    Then under the State law the statuses are:
      | unit   | status     |
      | school | ineligible |
      | zone-a | eligible   |
      | bn-1   | suspended  |
      | co-1   | suspended  |
      | bn-2   | suspended  |
    And under the State law the statuses are:
      | person    | status     |
      | soldier-c | ineligible |
      | soldier-e | suspended  |
      | soldier-a | eligible   |
    And the open tasks are exactly:
      | kind                 | subject   | law   |
      | identify-parent-unit | bn-1      | State |
      | identify-parent-unit | bn-1      | DoD   |
      | identify-parent-unit | bn-2      | State |
      | identify-parent-unit | bn-2      | DoD   |
      | confirm-posting      | soldier-e | State |
      | confirm-posting      | soldier-e | DoD   |

  @usc_22_2378d_a @usc_10_362_a1 @usc_22_2378d_d5 @usc_22_2304_d1
  Scenario: Information reviewed as not gross bars nothing: it holds nobody last seen in the unit, nor any unit
    Given these incidents:
      | id        | date       | violations                         | units  |
      | detention | 2014-06-30 | prolonged-detention-without-charge | school |
    And this information:
      | id     | incident  | received   | assessment | assessed on | second tier |
      | report | detention | 2014-07-01 | credible   | 2014-09-01  | not-gross   |
    Then the person `soldier-e` is eligible under both laws
    And the units suspended under the State law are exactly none
    And the note `reviewed-not-gross-is-derogatory` explains `school` under the State law
    And no task is open

@credible_information
Feature: Information held under one law decides only under that law
  Since the FY2014 act the DoD law acts on information the Secretary of Defense has, whoever it came from;
  information only DoD holds does not count under the State law until it is shared. So every conclusion drawn
  from it (a bar, a suspension pending assessment or review, a note, a suspension of the force named, the
  tasks) is drawn under the DoD law alone, and nothing follows under the State law.

  Background:
    Given both laws apply
    And the as-of date is 2015-01-31
    And these units:
      | id           | name                          | kind     | parent   |
      | army         | the army                      | military |          |
      | bn-gross     | the 1st battalion             | military | army     |
      | co-gross     | a company of the 1st          | military | bn-gross |
      | bn-review    | the 2nd battalion             | military | army     |
      | bn-pending   | the 3rd battalion             | military | army     |
      | bn-unknown   | the 4th battalion             | military | army     |
      | bn-not-gross | the 5th battalion             | military | army     |
      | police       | the state police              | police   |          |
    And these people:
      | id       | name       | unit     | role   | from       |
      | private  | a private  | bn-gross | member | 2010-01-01 |
      | sergeant | a sergeant |          |        |            |

  @usc_10_362_a1 @usc_10_362_a2 @usc_10_362_d @usc_22_2304_d1 @state_leahy_fact_sheet @usc_22_2378d_d6 @usc_22_2378d_a
  Scenario: Information only DoD holds bars, suspends and opens tasks under the DoD law and nothing under the State law
    Given these incidents:
      | id        | date       | violations                         | units        | people   | identified | force  |
      | beating   | 2014-06-30 | cruel-inhuman-degrading-treatment  | bn-gross     |          |            |        |
      | detention | 2014-06-30 | prolonged-detention-without-charge | bn-review    |          |            |        |
      | torture   | 2014-06-30 | torture                            | bn-pending   |          |            |        |
      | unknown   | 2014-06-30 | unknown                            | bn-unknown   |          |            |        |
      | abuse     | 2014-06-30 | cruel-inhuman-degrading-treatment  | bn-not-gross |          |            |        |
      | shooting  | 2014-06-30 | extrajudicial-killing              |              | sergeant |            |        |
      | massacre  | 2014-06-30 | extrajudicial-killing              |              |          | no         | police |
    And this information:
      | id          | incident  | received   | assessment | assessed on | second tier | held by |
      | i-beating   | beating   | 2014-07-01 | credible   | 2014-09-01  | gross       | dod     |
      | i-detention | detention | 2014-07-01 | credible   | 2014-09-01  |             | dod     |
      | i-torture   | torture   | 2014-07-01 | pending    |             |             | dod     |
      | i-unknown   | unknown   | 2014-07-01 | credible   | 2014-09-01  |             | dod     |
      | i-abuse     | abuse     | 2014-07-01 | credible   | 2014-09-01  | not-gross   | dod     |
      | i-shooting  | shooting  | 2014-07-01 | credible   | 2014-09-01  |             | dod     |
      | i-massacre  | massacre  | 2014-07-01 | credible   | 2014-09-01  |             | dod     |
    Then under both laws the statuses are:
      | unit         | State    | DoD        |
      | army         | eligible | eligible   |
      | bn-gross     | eligible | ineligible |
      | co-gross     | eligible | ineligible |
      | bn-review    | eligible | suspended  |
      | bn-pending   | eligible | suspended  |
      | bn-unknown   | eligible | suspended  |
      | bn-not-gross | eligible | eligible   |
      | police       | eligible | suspended  |
    And under both laws the statuses are:
      | person   | State    | DoD        |
      | private  | eligible | ineligible |
      | sergeant | eligible | ineligible |
    And the note `reviewed-not-gross-is-derogatory` explains `bn-not-gross` under the DoD law
    And there is no finding for `bn-not-gross` under the State law
    And there is no finding for `bn-gross` under the State law
    And there is no finding for `police` under the State law
    And there is no finding for `sergeant` under the State law
    And the open tasks are exactly:
      | kind                         | subject     | law |
      | share-information-with-state | i-beating   | DoD |
      | share-information-with-state | i-detention | DoD |
      | share-information-with-state | i-torture   | DoD |
      | share-information-with-state | i-unknown   | DoD |
      | share-information-with-state | i-abuse     | DoD |
      | share-information-with-state | i-shooting  | DoD |
      | share-information-with-state | i-massacre  | DoD |
      | classify-violation           | i-unknown   | DoD |

  @usc_22_2378d_a @usc_10_362_a1 @state_leahy_fact_sheet
  Scenario: Information State holds does not bring what only DoD holds under the State law
    Given these incidents:
      | id       | date       | violations | units      |
      | torture  | 2014-06-30 | torture    | bn-gross   |
      | beating  | 2014-06-30 | torture    | bn-review  |
      | shooting | 2014-06-30 | torture    | bn-pending |
    And this information:
      | id         | incident | received   | assessment | assessed on | held by |
      | i-state    | torture  | 2014-07-01 | credible   | 2014-09-01  | state   |
      | i-dod      | beating  | 2014-07-01 | credible   | 2014-09-01  | dod     |
      | i-dod-open | shooting | 2014-07-01 | pending    |             | dod     |
    Then under both laws the statuses are:
      | unit       | State      | DoD        |
      | bn-gross   | ineligible | ineligible |
      | bn-review  | eligible   | ineligible |
      | bn-pending | eligible   | suspended  |

  @usc_22_2378d_d5 @usc_10_362_a1
  Scenario: An individual barred under one law holds back only the assistance under that law
    Given these incidents:
      | id      | date       | violations | people  |
      | beating | 2014-06-30 | torture    | private |
    And this information:
      | id        | incident | received   | assessment | assessed on | held by |
      | i-beating | beating  | 2014-07-01 | credible   | 2014-09-01  | dod     |
    And these proposals:
      | id     | sources | kind     | people  |
      | course | dod     | training | private |
      | grant  | fmf     | training | private |
    Then under both laws the statuses are:
      | person  | State    | DoD        |
      | private | eligible | ineligible |
    And the outcomes are:
      | proposal | outcome  |
      | course   | rejected |
      | grant    | approved |
    And the finding for `course` under the DoD law rests on `private`
    And there is no finding for `grant` under the DoD law

  @usc_22_2378d_c @usc_22_2378d_a @usc_10_362_a1 @usc_22_2378d_d5
  Scenario: Before 2022, the State's duty to inform the foreign government follows a refusal under the State law, for a unit
    Under the former (c) the Secretary of State informs the foreign government when assistance is withheld from a
    unit under the State law. A bar under the DoD law alone, on a proposal paid from both laws' funds, does not
    bring it, and neither does a refusal for an individual with no unit.
    Given these incidents:
      | id       | date       | violations | units    | people   |
      | beating  | 2014-06-30 | torture    | bn-gross |          |
      | shooting | 2014-06-30 | torture    |          | sergeant |
    And this information:
      | id         | incident | received   | assessment | assessed on | held by |
      | i-beating  | beating  | 2014-07-01 | credible   | 2014-09-01  | dod     |
      | i-shooting | shooting | 2014-07-01 | credible   | 2014-09-01  | state   |
    And these proposals:
      | id       | sources      | kind      | units    | people   |
      | combined | fmf, dod-333 | equipment | bn-gross |          |
      | course   | fmf          | training  |          | sergeant |
    Then the outcomes are:
      | proposal | outcome  |
      | combined | rejected |
      | course   | rejected |
    And no task `inform-foreign-government` is open

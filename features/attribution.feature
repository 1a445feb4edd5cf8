@attribution
Feature: Attribution — who the information implicates
  Information implicates the units it names; a person it names implicates the unit he served in when the
  violation was committed (not the unit he serves in now), and a commander implicates the unit he commanded
  then, and so every unit under it. The person is implicated personally as well.

  Background:
    Given both laws apply
    And the as-of date is 2015-01-31
    And these units:
      | id     | name              | parent | personnel |
      | army   | the army          |        |           |
      | zone   | the 22nd zone     | army   | 10,000    |
      | bn-a   | the 1st battalion | zone   | 600       |
      | bn-b   | the 2nd battalion | zone   | 600       |
      | police | a police force    |        |           |
    And these people:
      | id        | name                 | unit | role      | from       | to         |
      | soldier   | a soldier            | bn-a | member    | 2012-01-01 | 2014-12-31 |
      | soldier   | a soldier            | bn-b | member    | 2015-01-01 |            |
      | commander | the zone's commander | zone | commander | 2013-01-01 |            |

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: Information naming a unit implicates that unit, and no unit above it
    Given these incidents:
      | id      | date       | violations | units |
      | beating | 2014-06-30 | torture    | bn-a  |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-09-01  |
    Then the units ineligible under the State law are exactly `bn-a`
    And the units eligible under the DoD law are exactly `army`, `zone`, `bn-b` and `police`

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: Information without an incident implicates only the units and people it names
    A source reports torture by the 1st battalion and the zone's commander, and no incident is known: the
    battalion is barred and the commander personally, but not the zone he commands (no dates to match a
    posting against).
    Given this information:
      | id     | incident | received   | assessment | assessed on | violations | units | people    |
      | report |          | 2014-07-01 | credible   | 2014-09-01  | torture    | bn-a  | commander |
    Then the units ineligible under the State law are exactly `bn-a`
    And the units eligible under the DoD law are exactly `army`, `zone`, `bn-b` and `police`
    And the people ineligible under the State law are exactly `commander`

  @usc_22_2378d_d5 @state_leahy_fact_sheet
  Scenario: A member implicates the unit he served in at the time, not the unit he serves in now
    Given these incidents:
      | id      | date       | violations | people  |
      | beating | 2014-06-30 | torture    | soldier |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-09-01  |
    Then under both laws the statuses are:
      | unit | State      | DoD        |
      | bn-a | ineligible | ineligible |
      | bn-b | eligible   | eligible   |
      | zone | eligible   | eligible   |
    And the person `soldier` is ineligible under both laws
    And the finding for `bn-a` under the State law rests on `soldier`

  @northcom_2014_zone
  Scenario: An implicated commander takes the whole command with him
    Given these incidents:
      | id      | date       | violations            | people    |
      | killing | 2014-06-30 | extrajudicial-killing | commander |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    Then the units ineligible under the State law are exactly `zone`, `bn-a` and `bn-b`
    And the units ineligible under the DoD law are exactly `zone`, `bn-a` and `bn-b`
    And 10,000 personnel are ineligible under the State law
    And the unit `army` is eligible under both laws
    And the finding for `zone` under the DoD law rests on `commander`

  @usc_22_2378d_d5
  Scenario: A person who joined the unit after the incident does not implicate it
    Given these incidents:
      | id      | date       | violations | people  |
      | beating | 2015-01-05 | torture    | soldier |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2015-01-06 | credible   | 2015-01-20  |
    Then under both laws the statuses are:
      | unit | State      | DoD        |
      | bn-a | eligible   | eligible   |
      | bn-b | ineligible | ineligible |
    And the person `soldier` is ineligible under both laws

  @usc_22_2378d_d5 @usc_22_2378d_a
  Scenario: Information naming both a unit and a person implicates the unit and the person's unit then
    Given these incidents:
      | id      | date       | violations | units  | people  |
      | raid    | 2014-06-30 | torture    | police | soldier |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | raid     | 2014-07-01 | credible   | 2014-09-01  |
    Then the units ineligible under the DoD law are exactly `police` and `bn-a`
    And the people ineligible under the DoD law are exactly `soldier`

  @usc_22_2378d_d5
  Scenario: A member's posting that begins or ends on the day of the incident covers it, whatever his role but commander
    Given these people:
      | id       | name              | unit   | role             | from       | to         |
      | newcomer | a new recruit     | bn-a   | member           | 2014-06-30 |            |
      | leaver   | a leaving soldier | bn-b   | member           | 2013-01-01 | 2014-06-30 |
      | deputy   | a deputy chief    | police | deputy-commander | 2014-06-30 |            |
    And these incidents:
      | id      | date       | violations | people                   |
      | beating | 2014-06-30 | torture    | newcomer, leaver, deputy |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-09-01  |
    Then the units ineligible under the State law are exactly `bn-a`, `bn-b` and `police`
    And the units ineligible under the DoD law are exactly `bn-a`, `bn-b` and `police`
    And the person `deputy` is ineligible under both laws

  @northcom_2014_zone
  Scenario: A command that begins or ends on the day of the incident covers it
    Given these people:
      | id        | name             | unit | role      | from       | to         |
      | new-chief | a new chief      | bn-a | commander | 2014-06-30 |            |
      | old-chief | a departing chief | bn-b | commander | 2013-01-01 | 2014-06-30 |
    And these incidents:
      | id      | date       | violations | people               |
      | beating | 2014-06-30 | torture    | new-chief, old-chief |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-09-01  |
    Then the units ineligible under the State law are exactly `bn-a` and `bn-b`
    And the units ineligible under the DoD law are exactly `bn-a` and `bn-b`

  @northcom_2014_zone
  Scenario: A commander whose command ended before the incident, or began after it, does not implicate that unit
    Given these people:
      | id            | name             | unit | role      | from       | to         |
      | former-chief  | a former chief   | bn-a | commander | 2012-01-01 | 2014-06-29 |
      | later-chief   | a later chief    | bn-b | commander | 2014-07-01 |            |
    And these incidents:
      | id      | date       | violations | people                    |
      | beating | 2014-06-30 | torture    | former-chief, later-chief |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-09-01  |
    Then the units ineligible under the State law are exactly none
    And the units ineligible under the DoD law are exactly none
    And the people ineligible under the State law are exactly `former-chief` and `later-chief`

  @usc_22_2378d_d5 @northcom_2014_zone
  Scenario: Information on one incident implicates the units of the people it names then, not their units at another incident
    The soldier and the chief moved to the 2nd battalion after the killing; a later raid by the police, with
    information of its own, is no information about them.
    Given these people:
      | id    | name      | unit | role      | from       | to         |
      | chief | a chief   | bn-a | commander | 2013-01-01 | 2014-12-31 |
      | chief | a chief   | bn-b | commander | 2015-01-01 |            |
    And these incidents:
      | id      | date       | violations            | units  | people         |
      | killing | 2014-06-30 | extrajudicial-killing |        | soldier, chief |
      | raid    | 2015-01-10 | torture               | police |                |
    And this information:
      | id           | incident | received   | assessment | assessed on |
      | report       | killing  | 2014-07-01 | credible   | 2014-09-01  |
      | raid-report  | raid     | 2015-01-11 | credible   | 2015-01-20  |
    Then the units ineligible under the State law are exactly `bn-a` and `police`
    And the units ineligible under the DoD law are exactly `bn-a` and `police`
    And the people ineligible under the State law are exactly `soldier` and `chief`

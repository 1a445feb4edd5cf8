@attribution @individuals
Feature: No clean slate — the note says the bar stays after the person who implicated the unit has left it
  A bar does not end when the implicated person leaves the unit; the finding says so with a note
  (`no-clean-slate`). The note is about the unit the person's information implicates through him, under the law
  that bars it, and only once he has left: his posting there ended before the as-of date.

  Background:
    Given both laws apply
    And the as-of date is 2015-06-30
    And these units:
      | id     | name              | parent |
      | army   | the army          |        |
      | bn-a   | the 1st battalion | army   |
      | bn-b   | the 2nd battalion | army   |
      | bn-c   | the 3rd battalion | army   |
      | bn-d   | the 4th battalion | army   |
      | bn-e   | the 5th battalion | army   |
      | bn-f   | the 6th battalion | army   |
      | bn-g   | the 7th battalion | army   |
      | school | the school        | army   |
    And these people:
      | id        | name        | unit   | role   | from       | to         |
      | soldier-a | a soldier   | bn-a   | member | 2012-01-01 | 2015-06-30 |
      | soldier-b | a corporal  | school | member | 2011-01-01 | 2013-12-31 |
      | soldier-b | a corporal  | bn-b   | member | 2014-01-01 |            |
      | soldier-c | a sergeant  | bn-c   | member | 2012-01-01 |            |
      | veteran   | a veteran   | bn-c   | member | 2012-01-01 | 2014-12-31 |
      | soldier-e | a private   | bn-e   | member | 2012-01-01 | 2014-12-31 |
      | soldier-f | a gunner    | bn-f   | member | 2012-01-01 | 2014-12-31 |
      | soldier-g | a driver    | bn-g   | member | 2012-01-01 | 2014-12-31 |
    And these incidents:
      | id        | date       | violations | units | people    |
      | beating-a | 2014-06-30 | torture    |       | soldier-a |
      | beating-b | 2014-06-30 | torture    |       | soldier-b |
      | beating-c | 2014-06-30 | torture    |       | soldier-c |
      | beating-d | 2014-06-30 | torture    | bn-d  | soldier-e |
      | beating-f | 2014-06-30 | torture    | bn-f  |           |
      | beating-g | 2014-06-30 | torture    |       | soldier-g |

  @state_cable_2003_no_clean_slate @usc_22_2378d_a @usc_10_362_a1
  Scenario: The note appears only for the unit a person implicated and then left, under the law that bars it
    Given this information:
      | id       | incident  | received   | assessment   | assessed on | people    | held by |
      | info-a   | beating-a | 2014-07-01 | credible     | 2014-09-01  |           |         |
      | info-b   | beating-b | 2014-07-01 | credible     | 2014-09-01  |           |         |
      | info-c   | beating-c | 2014-07-01 | credible     | 2014-09-01  |           |         |
      | info-d   | beating-d | 2014-07-01 | credible     | 2014-09-01  |           |         |
      | info-f   | beating-f | 2014-07-01 | credible     | 2014-09-01  |           |         |
      | rumour-f | beating-f | 2014-07-01 | not-credible | 2014-09-01  | soldier-f |         |
      | info-g   | beating-g | 2014-07-01 | credible     | 2014-09-01  |           | dod     |
    Then under both laws the statuses are:
      | unit | State      | DoD        |
      | bn-a | ineligible | ineligible |
      | bn-b | ineligible | ineligible |
      | bn-c | ineligible | ineligible |
      | bn-d | ineligible | ineligible |
      | bn-e | ineligible | ineligible |
      | bn-f | ineligible | ineligible |
      | bn-g | eligible   | ineligible |
    And the note `no-clean-slate` explains `bn-e` under the State law
    And the note `no-clean-slate` explains `bn-g` under the DoD law
    And there is no finding for `bn-g` under the State law
    And the findings for `bn-a` under the State law are:
      | rule            | effect |
      | unit-implicated | bar    |
    And the findings for `bn-b` under the State law are:
      | rule            | effect |
      | unit-implicated | bar    |
    And the findings for `bn-c` under the State law are:
      | rule            | effect |
      | unit-implicated | bar    |
    And the findings for `bn-d` under the State law are:
      | rule            | effect |
      | unit-implicated | bar    |
    And the findings for `bn-f` under the State law are:
      | rule            | effect |
      | unit-implicated | bar    |

  @state_cable_2003_no_clean_slate @usc_22_2378d_a
  Scenario: One note for the person who left, not one for each bar the unit carries on his information
    A battalion barred on its own (its soldier is named) and by the army above it (named as a whole) on the same
    information: the note is about the bar he brought to the battalion, and says so once.
    Given these incidents:
      | id   | date       | violations | units | people    |
      | raid | 2014-06-30 | torture    | army  | soldier-e |
    And this information:
      | id        | incident | received   | assessment | assessed on |
      | info-raid | raid     | 2014-07-01 | credible   | 2014-09-01  |
    Then the findings for `bn-e` under the State law are:
      | rule                   | effect | because              |
      | unit-implicated        | bar    | info-raid, soldier-e |
      | bar-covers-units-under | bar    | army, info-raid      |
      | no-clean-slate         | note   | soldier-e, info-raid |
    And the note `no-clean-slate` explains `bn-e` under the State law once

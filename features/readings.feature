@readings
Feature: Other readings of contestable points of the law
  Three points of the rule set are readings, not the statutes' words: a bar spreading to every unit under the
  unit barred, a commander taking every unit under his command with him, and a force held when the unit that
  committed a violation is not identified. Each other reading ships in `rules/readings/` with its sources; an
  advocate runs it with `--reading NAME` (or `vetting diff --to-reading NAME`) to show how much an answer
  depends on it. These scenarios pin what each reading changes, and what it leaves alone.

  Background:
    Given both laws apply
    And the as-of date is 2015-01-31
    And these units:
      | id        | name              | parent    | personnel |
      | army      | the army          |           |           |
      | zone      | the 22nd zone     | army      | 1,000     |
      | battalion | the 102nd         | zone      | 600       |
      | company   | a company         | battalion | 120       |
    And these people:
      | id        | name                | unit      | role      | from       | to |
      | general   | the zone commander  | zone      | commander | 2013-01-01 |    |
      | sergeant  | a sergeant          | battalion | member    | 2013-01-01 |    |

  @northcom_2014_zone @usc_22_2378d_a
  Scenario: Under the rule set's reading an implicated zone commander takes the whole zone; read narrowly, only the zone
    Given these incidents:
      | id      | date       | violations            | people  |
      | killing | 2014-06-30 | extrajudicial-killing | general |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    Then the units ineligible under the State law are exactly `zone`, `battalion` and `company`
    Given the rule set is read as `commander-own-unit`
    Then the units ineligible under the State law are exactly `zone`
    And the units eligible under the DoD law are exactly `army`, `battalion` and `company`

  @northcom_2014_zone @usc_22_2378d_a
  Scenario: Read narrowly for commanders, a bar on information naming a unit still covers the units under it
    Given these incidents:
      | id      | date       | violations            | units | people   |
      | killing | 2014-06-30 | extrajudicial-killing | zone  | sergeant |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    And the rule set is read as `commander-own-unit`
    Then the units ineligible under the State law are exactly `zone`, `battalion` and `company`

  @northcom_2014_zone @usc_10_362_a1
  Scenario: Read narrowly for commanders, a suspension of the commanded unit stays on it too
    Given these incidents:
      | id      | date       | violations | people  |
      | beating | 2014-06-30 | torture    | general |
    And this information:
      | id     | incident | received   | assessment |
      | report | beating  | 2014-07-01 | pending    |
    And the rule set is read as `commander-own-unit`
    Then the units suspended under the DoD law are exactly `zone`

  @northcom_2014_zone @usc_22_2378d_d6 @pl_110_161_651 @time
  Scenario: Read narrowly for commanders, a force held for an unidentified unit still holds the units under it
    Given these incidents:
      | id       | date       | violations            | identified | force |
      | shooting | 2010-06-30 | extrajudicial-killing | no         | zone  |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | shooting | 2010-07-01 | credible   | 2010-09-01  |
    And the rule set is read as `commander-own-unit`
    Then the units suspended under the State law are exactly `zone`, `battalion` and `company`
    When the as-of date is 2011-06-30
    Then the units suspended under the State law are exactly `zone`, `battalion` and `company`

  @northcom_2014_zone @usc_22_2378d_b
  Scenario: Read narrowly for commanders, the hold of a determination whose report is unknown still covers the units under it
    Given these incidents:
      | id      | date       | violations            | units     |
      | killing | 2014-06-30 | extrajudicial-killing | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    And these determinations:
      | id    | kind                  | unit      | made       | reported | incidents |
      | steps | state-effective-steps | battalion | 2015-01-15 | unknown  | killing   |
    And the rule set is read as `commander-own-unit`
    Then the units suspended under the State law are exactly `battalion` and `company`

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: Read narrowly, a bar stays on the unit implicated and its members
    Given these incidents:
      | id      | date       | violations | units |
      | killing | 2014-06-30 | torture    | zone  |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    Then the units ineligible under the DoD law are exactly `zone`, `battalion` and `company`
    And the person `sergeant` is ineligible under the DoD law
    Given the rule set is read as `bar-stays-on-the-unit`
    Then the units ineligible under the DoD law are exactly `zone`
    And the person `general` is ineligible under the DoD law
    And the person `sergeant` is eligible under the DoD law

  @usc_22_2378d_d6 @pl_110_161_651 @time
  Scenario: Read narrowly, a violation by an unidentified unit holds no force, and the task to find the unit stays
    Given these incidents:
      | id       | date       | violations            | identified | force |
      | shooting | 2010-06-30 | extrajudicial-killing | no         | army  |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | shooting | 2010-07-01 | credible   | 2010-09-01  |
    Then the units suspended under the State law are exactly `army`, `zone`, `battalion` and `company`
    Given the rule set is read as `no-force-hold`
    Then the units eligible under the State law are exactly `army`, `zone`, `battalion` and `company`
    And a task `identify-unit` is open for `shooting` under the State law
    When the as-of date is 2011-06-30
    Then the units eligible under the State law are exactly `army`, `zone`, `battalion` and `company`

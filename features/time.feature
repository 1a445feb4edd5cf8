@time
Feature: Time — three axes, and no clean slate
  When it happened decides which unit a person served in; when the information was received (counted from
  the first day of a range) and when it was assessed decide whether the government held it on the as-of date;
  when a determination was made (and reported) decides whether an exception counts. Nothing lapses with time.

  Background:
    Given both laws apply
    And these units:
      | id        | name              | parent |
      | army      | the army          |        |
      | battalion | the 9th battalion | army   |
      | other-bn  | the 4th battalion | army   |
    And these people:
      | id      | name       | unit      | role   | from       | to         |
      | soldier | a soldier  | battalion | member | 2012-01-01 | 2014-08-31 |
      | soldier | a soldier  | other-bn  | member | 2014-09-01 |            |
      | cook    | a cook     | battalion | member | 2012-01-01 |            |
    And these incidents:
      | id      | date                     | violations | people  |
      | beating | 2014-06-29 to 2014-06-30 | torture    | soldier |

  @usc_22_2378d_a @usc_10_362_a1
  Scenario Outline: Information counts from the first day it may have been received
    Given this information:
      | id     | incident | received                 | assessment |
      | report | beating  | 2014-10-01 to 2014-10-31 | pending    |
    When the as-of date is <as of>
    Then the unit `battalion` is <status> under both laws

    Examples:
      | as of      | status    |
      | 2014-09-30 | eligible  |
      | 2014-10-01 | suspended |
      | 2014-10-15 | suspended |

  @usc_22_2378d_a @usc_10_362_a1 @credible_information
  Scenario Outline: An assessment counts from the day it was made
    Given this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-12-01  |
    When the as-of date is <as of>
    Then the unit `battalion` is <status> under both laws

    Examples:
      | as of      | status     |
      | 2014-06-30 | eligible   |
      | 2014-07-01 | suspended  |
      | 2014-11-30 | suspended  |
      | 2014-12-01 | ineligible |

  @usc_22_2378d_d5 @attribution
  Scenario: The unit of the time of the incident, not of the as-of date, is implicated
    Given the as-of date is 2015-01-31
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-07-15  |
    Then the unit `battalion` is ineligible under both laws
    And the unit `other-bn` is eligible under both laws

  @state_cable_2003_no_clean_slate
  Scenario: No clean slate: the bar stays after the perpetrator has left the unit
    Given the as-of date is 2015-01-31
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-07-15  |
    Then the unit `battalion` is ineligible under both laws
    And the note `no-clean-slate` explains `battalion` under the State law
    And the findings for `battalion` under the DoD law are:
      | rule            | effect | citation                       |
      | unit-implicated | bar    | usc-10-362-a1                  |
      | no-clean-slate  | note   | state-cable-2003-no-clean-slate |

  @state_cable_2003_no_clean_slate
  Scenario: No clean slate: ten years later the unit is still barred
    Given the as-of date is 2025-01-31
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-07-15  |
    Then the unit `battalion` is ineligible under both laws
    And the person `cook` is ineligible under both laws

  @usc_22_2378d_d5 @individuals
  Scenario: Membership of a barred unit counts on the as-of date
    Given these people:
      | id      | name       | unit      | role   | from       | to         |
      | veteran | a veteran  | battalion | member | 2010-01-01 | 2014-12-31 |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-07-15  |
    When the as-of date is 2014-12-31
    Then the person `veteran` is ineligible under both laws
    When the as-of date is 2015-01-01
    Then the person `veteran` is eligible under both laws
    And the person `cook` is ineligible under both laws

  @usc_22_2378d_b @state_exception
  Scenario: A determination counts from the day it was made and reported
    Given this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-07-15  |
    And these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents |
      | steps | state-effective-steps | battalion | 2015-02-01 | 2015-02-10 | beating   |
    When the as-of date is 2015-02-09
    Then the unit `battalion` is ineligible under the State law
    When the as-of date is 2015-02-10
    Then the unit `battalion` is remediated under the State law

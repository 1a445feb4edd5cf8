@mexico_2015 @mass_graves @unidentified
Feature: The mass graves — killings with no known perpetrator
  U.S. Embassy cables of 2010 and 2011 reported mass graves in Acapulco, near a ranch in Chihuahua and around
  Durango; the search for the Iguala students turned up 28 other bodies. No source names who killed the
  victims. An unidentified perpetrator is never a silent pass: since the (d) procedures of December 2011 each
  grave opens a task to identify the unit, and, with no force named, no unit is held.

  Background:
    Given the case `cases/mexico-2015`
    And both laws apply

  @usc_22_2378d_d6
  Scenario: Every grave opens a task to identify the unit
    Given the as-of date is 2015-05-08
    Then a task `identify-unit` is open for `durango-graves-2011` under the State law
    And a task `identify-unit` is open for `acapulco-grave-2010` under the State law
    And a task `identify-unit` is open for `chihuahua-ranch-grave-2010` under the State law
    And a task `identify-unit` is open for `iguala-area-graves-2014` under the State law

  @usc_22_2378d_d6 @pl_110_161_651 @time
  Scenario: In mid-2010 the law had no duty to identify the unit; the 2010 graves open tasks from December 2011
    Given the as-of date is 2010-06-01
    Then no task `identify-unit` is open
    When the as-of date is 2011-12-23
    Then a task `identify-unit` is open for `acapulco-grave-2010` under the State law
    And a task `identify-unit` is open for `chihuahua-ranch-grave-2010` under the State law

  @usc_22_2378d_d6
  Scenario: With no force named, the graves hold no unit
    Given the as-of date is 2011-12-31
    Then the units suspended under the State law are exactly none
    And the units ineligible under the State law are exactly none
    And a task `identify-unit` is open for `durango-graves-2011` under the State law

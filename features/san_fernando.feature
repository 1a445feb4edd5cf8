@mexico_2015 @san_fernando
Feature: San Fernando — the 2011 massacres and the municipal police
  In 2011 mass graves in San Fernando, Tamaulipas, held victims of the Zetas cartel. Files the federal
  prosecutor declassified in December 2014 implicate the San Fernando municipal police; the case's analysts
  have not assessed them, so the information is pending.

  Background:
    Given the case `cases/mexico-2015`
    And both laws apply

  @state_leahy_fact_sheet @usc_10_362_a2 @credible_information
  Scenario: The released files suspend the San Fernando police pending their assessment
    Given the as-of date is 2015-05-08
    Then the unit `mx-san-fernando-police` is suspended under both laws
    And the finding for `mx-san-fernando-police` under the State law rests on `san-fernando-released-files`

  @usc_22_2378d_a @time
  Scenario: Before the files were released nothing was held against the police
    Given the as-of date is 2014-11-30
    Then the unit `mx-san-fernando-police` is eligible under both laws
    And there is no finding for `mx-san-fernando-police` under both laws

  @usc_22_2378d_a @usc_10_362_a1 @credible_information
  Scenario: Once an analyst assesses the files credible, the police are ineligible
    Given the as-of date is 2015-06-30
    And this information:
      | id                  | incident          | received   | assessment | assessed on | units                  |
      | san-fernando-review | san-fernando-2011 | 2014-12-22 | credible   | 2015-06-01  | mx-san-fernando-police |
    Then the unit `mx-san-fernando-police` is ineligible under both laws
    And the findings for `mx-san-fernando-police` under the State law are:
      | rule            | effect  | because                     |
      | unit-implicated | bar     | san-fernando-review         |
      | unit-implicated | suspend | san-fernando-released-files |

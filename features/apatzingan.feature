@mexico_2015 @apatzingan @unidentified
Feature: Apatzingán — killings by federal police, no unit identified
  In April 2015 Mexican journalists reported that federal police killed 16 people in Apatzingán, Michoacán,
  on 6 January 2015. The sources name the federal police, not a unit. The State law requires the Secretary to
  seek to identify the unit; until then the engine holds the federal police (suspended, never barred).

  Background:
    Given the case `cases/mexico-2015`
    And both laws apply
    And the as-of date is 2015-05-08

  @usc_22_2378d_d6
  Scenario: Apatzingán yields a task to identify the unit
    Then a task `identify-unit` is open for `apatzingan-2015` under the State law
    And the finding for `mx-federal-police` under the State law cites `usc-22-2378d-d6`
    And the finding for `mx-federal-police` under the State law rests on `apatzingan-journalists-report`

  @usc_22_2378d_d6 @usc_10_362_a2
  Scenario: Until the unit is identified the federal police are suspended, not barred
    Then the unit `mx-federal-police` is suspended under both laws
    And the finding for `mx-federal-police` under the DoD law cites `usc-10-362-a2`

  @usc_22_2378d_d6 @assistance_programs
  Scenario: Support to the Bunker, used by the federal police, is held
    Then the proposal `bunker-support` is suspended
    And the proposal `plataforma-mexico-c4` is suspended

  @usc_22_2378d_d6 @time
  Scenario: Before the journalists' report nothing was known
    Given the as-of date is 2015-03-31
    Then no task `identify-unit` is open for `apatzingan-2015`
    And the unit `mx-federal-police` is eligible under both laws
    And the proposal `bunker-support` is approved

  @usc_22_2378d_a @usc_10_362_a1 @usc_22_2378d_d6
  Scenario: Once the unit is identified it is barred, the task closes, and the rest of the federal police is clear
    Given the hypothesis `apatzingan-unit-identified`
    Then the unit `mx-federal-police-apatzingan-unit` is ineligible under both laws
    And the unit `mx-federal-police` is eligible under both laws
    And no task `identify-unit` is open for `apatzingan-2015`
    And the proposal `bunker-support` is approved

@mexico_2015 @assistance_programs
Feature: The U.S. assistance programs the article names
  Mérida Initiative training and equipment, forensic support, the federal police's "Bunker" and Plataforma
  Mexico are State-funded assistance (the case authors' reading of the accounts); Northern Command training is
  DoD-funded; the direct sales of arms (over $1.15 billion in 2014) are paid for by the purchaser.

  Background:
    Given the case `cases/mexico-2015`
    And both laws apply

  @crs_if10575
  Scenario: Direct sales of arms are outside the Leahy laws
    Given the as-of date is 2015-05-08
    Then the proposal `direct-arms-sales-2014` is not-covered
    And the finding for `direct-arms-sales-2014` under the State law cites `crs-if10575`

  @usc_22_2378d_d1 @unidentified
  Scenario: Assistance whose recipients are not named cannot be vetted and is held
    Given the as-of date is 2015-05-08
    Then the proposal `merida-training-21-states` is held
    And the finding for `merida-training-21-states` under the State law cites `usc-22-2378d-d1`
    And a task `identify-recipients` is open for `merida-training-21-states` under the State law

  @usc_22_2378d_a @usc_22_2378d_d1 @usc_22_2378d_d6 @crs_if10575
  Scenario: The outcome of every program as of the article
    Given the as-of date is 2015-05-08
    Then the outcomes are:
      | proposal                             | outcome     |
      | state-assistance-bn-102              | suspended   |
      | northcom-training-bn-102             | suspended   |
      | merida-training-21-states            | held        |
      | merida-federal-specialty-training    | held        |
      | forensic-lab-equipment               | approved    |
      | network-forensic-biometric-equipment | held        |
      | doj-forensics-merida                 | held        |
      | undercover-surveillance-equipment    | held        |
      | bunker-support                       | suspended   |
      | plataforma-mexico-c4                 | suspended   |
      | direct-arms-sales-2014               | not-covered |

  @usc_22_2378d_a
  Scenario: In January 2015 the Bunker support and Plataforma Mexico were not held
    Given the as-of date is 2015-01-31
    Then the proposal `bunker-support` is approved
    And the proposal `plataforma-mexico-c4` is approved
    And the proposal `forensic-lab-equipment` is approved

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: Under the State law alone the DoD-funded training is not judged
    Given the law is the State law
    And the as-of date is 2015-01-31
    Then the proposal `northcom-training-bn-102` falls under the DoD law
    And the proposal `state-assistance-bn-102` is suspended

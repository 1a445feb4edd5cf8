@mexico_2015 @tlatlaya
Feature: Tlatlaya and the 102nd Infantry Battalion
  On 30 June 2014 soldiers of the 102nd Infantry Battalion (22nd Military Zone) killed 22 people in Tlatlaya;
  U.S. Northern Command reported in October 2014 that some were summarily executed. In January 2015 the State
  Department had "suspended US funded assistance to this unit pending the results of this investigation".
  Northern Command had trained five members of the battalion. Its report warned that if the zone's commander
  were implicated, "the entire military zone and 10,000 personnel will be ineligible".

  Background:
    Given the case `cases/mexico-2015`
    And both laws apply

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: Before the killings the 102nd battalion is eligible under both laws
    Given the as-of date is 2014-06-01
    Then under both laws the statuses are:
      | unit       | State    | DoD      |
      | mx-bn-102  | eligible | eligible |
      | mx-zone-22 | eligible | eligible |
      | mx-army    | eligible | eligible |
    And the proposal `state-assistance-bn-102` is approved
    And the proposal `northcom-training-bn-102` is approved

  @usc_22_2378d_a @state_leahy_fact_sheet
  Scenario: In January 2015 the battalion is suspended pending the investigation, and its zone is not
    Given the as-of date is 2015-01-31
    Then the unit `mx-bn-102` is suspended under the State law
    And the finding for `mx-bn-102` under the State law cites `usc-22-2378d-a`
    And the finding for `mx-bn-102` under the State law rests on `tlatlaya-northcom-report`
    And the unit `mx-zone-22` is eligible under both laws
    And the unit `mx-army` is eligible under both laws

  @usc_10_362_a1 @usc_10_362_a2
  Scenario: Under the DoD law the battalion is suspended too
    Given the as-of date is 2015-01-31
    Then the unit `mx-bn-102` is suspended under the DoD law
    And the finding for `mx-bn-102` under the DoD law cites `usc-10-362-a1`

  @usc_22_2378d_a
  Scenario: The State-funded assistance to the battalion is suspended, as the State Department said
    Given the as-of date is 2015-01-31
    Then the proposal `state-assistance-bn-102` is suspended
    And the finding for `state-assistance-bn-102` under the State law rests on `mx-bn-102`
    And no task `inform-foreign-government` is open for `mx-bn-102`

  @usc_22_2378d_d5 @usc_10_362_a1 @individuals
  Scenario: Northern Command training for the battalion's members is held under the DoD law
    Given the as-of date is 2015-01-31
    Then the proposal `northcom-training-bn-102` falls under the DoD law
    And the proposal `northcom-training-bn-102` is suspended
    And the person `bn-102-trainees` is suspended under the DoD law
    And the finding for `northcom-training-bn-102` under the DoD law rests on `bn-102-trainees`

  @state_leahy_fact_sheet @individuals
  Scenario: The arrested soldiers are held personally, the trainees as members of the battalion
    Given the as-of date is 2015-01-31
    Then the people suspended under the State law are exactly `bn-102-trainees` and `tlatlaya-arrested-soldiers`
    And the person `zone-22-commander-2014` is eligible under both laws

  @usc_22_2378d_b @usc_10_362_b
  Scenario: Mexico's arrests and prosecutions are not by themselves an exception
    Given the as-of date is 2015-05-08
    Then the unit `mx-bn-102` is suspended under both laws
    And the note `investigation-is-not-remediation` explains `mx-bn-102` under the State law
    And the note `investigation-is-not-remediation` explains `mx-bn-102` under the DoD law

  @northcom_2014_zone @usc_22_2378d_a @hierarchy
  Scenario: If the zone commander were implicated, the whole zone and its 10,000 personnel would be ineligible
    Given the as-of date is 2015-01-31
    And the hypothesis `zone-commander-implicated`
    Then the units ineligible under the State law are exactly `mx-zone-22` and `mx-bn-102`
    And the units ineligible under the DoD law are exactly `mx-zone-22` and `mx-bn-102`
    And 10,000 personnel are ineligible under the State law
    And 10,000 personnel are ineligible under the DoD law
    And the unit `mx-army` is eligible under both laws
    And the finding for `mx-zone-22` under the State law rests on `zone-22-commander-2014`

  @state_cable_2003_no_clean_slate @northcom_2014_zone @time
  Scenario: The commander's replacement in October 2014 does not clear the zone
    Given the as-of date is 2015-01-31
    And the hypothesis `zone-commander-implicated`
    Then the unit `mx-zone-22` is ineligible under both laws
    And the note `no-clean-slate` explains `mx-zone-22` under the State law

  @northcom_2014_zone @usc_22_2378d_c
  Scenario: With the zone commander implicated, the assistance to the battalion is refused and Mexico informed
    Given the as-of date is 2015-01-31
    And the hypothesis `zone-commander-implicated`
    Then the proposal `state-assistance-bn-102` is rejected
    And the proposal `northcom-training-bn-102` is rejected
    And a task `inform-foreign-government` is open for `mx-bn-102` under the State law

  @usc_22_2378d_b @usc_10_362_a1 @state_exception
  Scenario: A State determination of effective steps restores eligibility under the State law only
    Given the as-of date is 2015-05-08
    And the hypothesis `state-remediation-determination`
    Then under both laws the statuses are:
      | unit      | State      | DoD       |
      | mx-bn-102 | remediated | suspended |
    And the finding for `mx-bn-102` under the State law cites `usc-22-2378d-b`
    And the outcomes are:
      | proposal                 | outcome               |
      | state-assistance-bn-102  | approved-by-exception |
      | northcom-training-bn-102 | suspended             |

  @usc_22_2378d_b @individuals
  Scenario: The battalion's exception does not reach the soldiers personally implicated
    Given the as-of date is 2015-05-08
    And the hypothesis `state-remediation-determination`
    Then under the State law the statuses are:
      | person                     | status     |
      | bn-102-trainees            | remediated |
      | tlatlaya-arrested-soldiers | suspended  |

  @usc_22_2378d_b @time
  Scenario: Before it was reported the determination changed nothing
    Given the as-of date is 2015-03-14
    And the hypothesis `state-remediation-determination`
    Then the unit `mx-bn-102` is suspended under the State law
    And a task `report-determination-to-congress` is open for `bn-102-state-effective-steps` under the State law

  @usc_22_2378d_a @usc_10_362_a1 @credible_information
  Scenario: Had State found the information credible, the battalion would have been ineligible
    Given the as-of date is 2015-01-31
    And the hypothesis `tlatlaya-found-credible`
    Then the unit `mx-bn-102` is ineligible under both laws
    And the unit `mx-zone-22` is eligible under both laws
    And the proposal `state-assistance-bn-102` is rejected
    And a task `inform-foreign-government` is open for `mx-bn-102` under the State law

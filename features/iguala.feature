@mexico_2015 @iguala
Feature: Iguala — the enforced disappearance of 43 students
  On the night of 26–27 September 2014, 43 students of the Ayotzinapa teachers' college were taken in Iguala,
  Guerrero, and have not been seen since. In the official account the Iguala and Cocula municipal police
  detained them and handed them to a gang. Public reports of early October 2014 named the Iguala police; the
  case's analysts assess them credible as of the article's date, 8 May 2015.

  Background:
    Given the case `cases/mexico-2015`
    And both laws apply

  @usc_22_2378d_a @usc_10_362_a1 @state_leahy_fact_sheet
  Scenario: The Iguala municipal police are ineligible under both laws for an enforced disappearance
    Given the as-of date is 2015-05-08
    Then the unit `mx-iguala-police` is ineligible under both laws
    And the finding for `mx-iguala-police` under the State law cites `usc-22-2378d-a`
    And the finding for `mx-iguala-police` under the DoD law cites `usc-10-362-a1`
    And the finding for `mx-iguala-police` under the State law rests on `iguala-disappearances-information`

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: The Cocula municipal police are ineligible too
    Given the as-of date is 2015-05-08
    Then under both laws the statuses are:
      | unit             | State      | DoD        |
      | mx-iguala-police | ineligible | ineligible |
      | mx-cocula-police | ineligible | ineligible |

  @state_leahy_fact_sheet @usc_10_362_a2 @credible_information
  Scenario: While the reports were being assessed, the police were suspended
    Given the as-of date is 2015-01-31
    Then the unit `mx-iguala-police` is suspended under both laws
    And the unit `mx-cocula-police` is suspended under both laws

  @usc_22_2378d_a @time
  Scenario: Before the disappearances nothing held the police
    Given the as-of date is 2014-09-25
    Then the unit `mx-iguala-police` is eligible under both laws
    And the unit `mx-cocula-police` is eligible under both laws

  @usc_22_2378d_b @usc_10_362_b
  Scenario: The detention of police officers is not an exception
    Given the as-of date is 2015-05-08
    Then the note `investigation-is-not-remediation` explains `mx-iguala-police` under the State law
    And the unit `mx-iguala-police` is ineligible under the State law

  @usc_22_2378d_a @usc_22_2378d_c
  Scenario: Were the federal police credibly implicated, the Bunker and Plataforma Mexico support would be refused
    Given the as-of date is 2015-05-08
    And the hypothesis `iguala-federal-police-implicated`
    Then the unit `mx-federal-police` is ineligible under both laws
    And the outcomes are:
      | proposal             | outcome  |
      | bunker-support       | rejected |
      | plataforma-mexico-c4 | rejected |
    And a task `inform-foreign-government` is open for `mx-federal-police` under the State law
    And the unit `mx-c4-centres` is eligible under both laws

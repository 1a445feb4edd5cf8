@credible_information
Feature: Credible information, and suspension pending assessment
  A bar needs information the government holds and has assessed credible by the as-of date. Information
  received but not yet assessed (or assessed only after the as-of date) suspends assistance while it is
  assessed: an unverified allegation never yields a silent "eligible", and never a bar. Information assessed
  not credible has no effect.

  Background:
    Given both laws apply
    And the as-of date is 2015-01-31
    And these units:
      | id        | name              | parent |
      | army      | the army          |        |
      | battalion | the 9th battalion | army   |
    And these incidents:
      | id      | date       | violations | units     |
      | beating | 2014-06-30 | torture    | battalion |
    And these proposals:
      | id       | authority | kind     | units     |
      | training | faa       | training | battalion |
      | advisers | dod       | other    | battalion |

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: Information assessed credible bars the unit under both laws
    Given this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2014-09-01  |
    Then the unit `battalion` is ineligible under both laws
    And the finding for `battalion` under the State law cites `usc-22-2378d-a`
    And the finding for `battalion` under the DoD law cites `usc-10-362-a1`
    And the finding for `battalion` under the State law rests on `report`
    And the outcomes are:
      | proposal | outcome  |
      | training | rejected |
      | advisers | rejected |

  @state_leahy_fact_sheet @usc_10_362_a2
  Scenario: Information received and still being assessed suspends assistance
    Given this information:
      | id     | incident | received   | assessment |
      | report | beating  | 2014-07-01 | pending    |
    Then the unit `battalion` is suspended under both laws
    And the findings for `battalion` under the State law are:
      | rule            | effect  | citation       | lifted |
      | unit-implicated | suspend | usc-22-2378d-a | no     |
    And the outcomes are:
      | proposal | outcome   |
      | training | suspended |
      | advisers | suspended |

  @state_leahy_fact_sheet @usc_10_362_a2
  Scenario: Information assessed credible only after the as-of date is still pending on it
    Given this information:
      | id     | incident | received   | assessment | assessed on |
      | report | beating  | 2014-07-01 | credible   | 2015-03-01  |
    Then the unit `battalion` is suspended under both laws
    And the proposal `training` is suspended

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: Information assessed not credible has no effect
    Given this information:
      | id     | incident | received   | assessment   | assessed on |
      | report | beating  | 2014-07-01 | not-credible | 2014-09-01  |
    Then the unit `battalion` is eligible under both laws
    And there is no finding for `battalion` under both laws
    And the outcomes are:
      | proposal | outcome  |
      | training | approved |
      | advisers | approved |

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: An incident nobody has reported to the government has no effect
    Then the unit `battalion` is eligible under both laws
    And the proposal `training` is approved

  @usc_22_2378d_a @state_leahy_fact_sheet
  Scenario: A credible item and a pending item: the bar dominates
    Given these incidents:
      | id       | date       | violations            | units     |
      | shooting | 2014-08-15 | extrajudicial-killing | battalion |
    And this information:
      | id       | incident | received   | assessment | assessed on |
      | report   | beating  | 2014-07-01 | credible   | 2014-09-01  |
      | rumour   | shooting | 2014-08-20 | pending    |             |
    Then the unit `battalion` is ineligible under both laws
    And the findings for `battalion` under the State law are:
      | rule            | effect  | citation       | because |
      | unit-implicated | bar     | usc-22-2378d-a | report  |
      | unit-implicated | suspend | usc-22-2378d-a | rumour  |

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: Information may implicate other perpetrators than its incident names
    Given these units:
      | id      | name              | parent |
      | company | the 3rd company   | army   |
    And this information:
      | id     | incident | received   | assessment | assessed on | units   |
      | report | beating  | 2014-07-01 | credible   | 2014-09-01  | company |
    Then under both laws the statuses are:
      | unit      | State      | DoD        |
      | company   | ineligible | ineligible |
      | battalion | eligible   | eligible   |
      | army      | eligible   | eligible   |

@coverage
Feature: Covered assistance — which law vets which assistance
  The State law (22 U.S.C. 2378d) covers assistance under the Foreign Assistance Act and the Arms Export
  Control Act; the DoD law (10 U.S.C. 362) covers training, equipment and other assistance paid from funds
  made available to the Department of Defense (training only until the FY2014 act of 17 January 2014).
  Sales paid for by the purchaser (FMS, DCS) and other funds are outside both laws.

  Background:
    Given both laws apply
    And the as-of date is 2015-01-31
    And these units:
      | id        | name             | kind     | parent | personnel |
      | army      | the army         | military |        |           |
      | battalion | the 9th battalion | military | army   | 600       |
      | clean     | the 5th battalion | military | army   | 600       |
    And these incidents:
      | id      | date       | violations           | units     |
      | killing | 2013-06-30 | extrajudicial-killing | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2013-07-01 | credible   | 2013-08-01  |

  @usc_22_2378d_a
  Scenario Outline: Assistance under the FAA or the AECA is vetted under the State law
    Given these proposals:
      | id       | authority   | kind     | units     |
      | training | <authority> | training | battalion |
    Then the proposal `training` falls under the State law
    And the proposal `training` is rejected
    And the finding for `training` under the State law cites `usc-22-2378d-a`

    Examples:
      | authority |
      | faa       |
      | aeca      |

  @usc_22_2378d_a
  Scenario: Assistance under the State law to a unit with nothing against it is approved
    Given these proposals:
      | id        | authority | kind      | units |
      | equipment | faa       | equipment | clean |
    Then the proposal `equipment` is approved
    And the unit `clean` is eligible under both laws

  @crs_if10575
  Scenario Outline: Sales paid for by the purchaser are outside the Leahy laws
    Given these proposals:
      | id    | sources   | channel   | kind      | units     |
      | sales | purchaser | <channel> | equipment | battalion |
    Then the proposal `sales` is not-covered
    And the finding for `sales` under the State law cites `crs-if10575`
    But the unit `battalion` is ineligible under both laws

    Examples:
      | channel |
      | fms     |
      | dcs     |

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: Funds that are neither State assistance nor DoD funds fall under neither law
    Given these proposals:
      | id    | authority | kind  | units     |
      | grant | other     | other | battalion |
    Then the proposal `grant` falls under neither law
    And the proposal `grant` is not-covered

  @usc_10_362_a1
  Scenario Outline: Since FY2014 DoD funds for training, equipment or other assistance are vetted under the DoD law
    Given these proposals:
      | id      | authority | kind   | units     |
      | support | dod       | <kind> | battalion |
    Then the proposal `support` falls under the DoD law
    And the proposal `support` is rejected
    And the finding for `support` under the DoD law cites `usc-10-362-a1`

    Examples:
      | kind      |
      | training  |
      | equipment |
      | other     |

  @pl_112_74_8058
  Scenario: Until 16 January 2014 the DoD law covered training, not equipment
    Given the as-of date is 2014-01-16
    And these proposals:
      | id        | authority | kind      | units     |
      | training  | dod       | training  | battalion |
      | equipment | dod       | equipment | battalion |
      | other     | dod       | other     | battalion |
    Then the outcomes are:
      | proposal  | outcome     |
      | training  | rejected    |
      | equipment | not-covered |
      | other     | not-covered |
    And the finding for `equipment` under the DoD law cites `pl-112-74-8058`
    And the finding for `training` under the DoD law cites `pl-112-74-8058`
    And the findings for `equipment` under the DoD law are:
      | rule                                    | effect      |
      | dod-equipment-not-covered-before-fy2014 | not-covered |
      | recipient-unit-barred                   | bar         |
    And the findings for `training` under the DoD law are:
      | rule                                        | effect  |
      | dod-law-covered-only-training-before-fy2014 | covered |
      | recipient-unit-barred                       | bar     |

  @pl_112_74_8058 @pl_113_76_8057 @time
  Scenario: On 17 January 2014 the DoD law began to cover equipment
    Given these proposals:
      | id        | authority | kind      | units     |
      | equipment | dod       | equipment | battalion |
      | training  | dod       | training  | battalion |
    When the as-of date is 2014-01-16
    Then the proposal `equipment` is not-covered
    When the as-of date is 2014-01-17
    Then the proposal `equipment` is rejected
    And the findings for `equipment` under the DoD law are:
      | rule                          | effect  |
      | dod-law-covers-fy2014-funds   | covered |
      | recipient-unit-barred         | bar     |
    And the findings for `training` under the DoD law are:
      | rule                                        | effect  |
      | dod-law-covered-only-training-before-fy2014 | covered |
      | dod-law-covers-fy2014-funds                 | covered |
      | recipient-unit-barred                       | bar     |

  @usc_22_2378d_a @usc_10_362_a1
  Scenario: Each law judges only the assistance it covers
    Given the law is the State law
    And these proposals:
      | id       | authority | kind     | units     |
      | state    | faa       | training | battalion |
    Then the proposal `state` is rejected
    And the unit `battalion` is ineligible under the State law

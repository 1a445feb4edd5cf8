@coverage
Feature: Funding sources — the source of the money decides which law covers the assistance, not the channel
  A proposal names where its money comes from (`sources`: fmf, imet, incle, nadr, pko, esf, faa, aeca for the
  State law; dod-333, dod-284, dod for the DoD law; purchaser, other for neither) apart from how it is delivered
  (`channel`: grant, fms, dcs, eda, dod-delivered). A Foreign Military Sale financed with FMF, IMET training
  delivered through the FMS system and Excess Defense Articles granted under the FAA are assistance under the
  FAA or the AECA; only a sale the buyer pays for with its own money is outside. Mixed funding is decided under
  every law whose funds pay for it, and the strictest outcome holds.

  Background:
    Given both laws apply
    And the as-of date is 2015-01-31
    And these units:
      | id        | name              | parent |
      | army      | the army          |        |
      | battalion | the 9th battalion | army   |
      | clean     | the 5th battalion | army   |
    And these incidents:
      | id      | date       | violations            | units     |
      | killing | 2013-06-30 | extrajudicial-killing | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2013-07-01 | credible   | 2013-08-01  |

  @usc_22_2378d_a @crs_if10575
  Scenario: A Foreign Military Sale financed with FMF is covered by the State law
    Given these proposals:
      | id          | sources | channel | kind      | units     |
      | fmf-sale    | fmf     | fms     | equipment | battalion |
      | bought-sale | purchaser | fms   | equipment | battalion |
    Then the proposal `fmf-sale` falls under the State law
    And the proposal `fmf-sale` is rejected
    And the finding for `fmf-sale` under the State law cites `usc-22-2378d-a`
    And the proposal `bought-sale` falls under neither law
    And the proposal `bought-sale` is not-covered
    And the finding for `bought-sale` under the State law cites `crs-if10575`

  @usc_22_2378d_a
  Scenario: A sale financed partly with FMF and partly with the buyer's own funds is covered
    Given these proposals:
      | id         | sources        | channel | kind      | units     |
      | mixed-sale | fmf, purchaser | fms     | equipment | battalion |
    Then the proposal `mixed-sale` falls under the State law
    And the proposal `mixed-sale` is rejected
    And no finding for `mixed-sale` under the State law cites `crs-if10575`

  @usc_22_2378d_a
  Scenario Outline: IMET training through the FMS system and Excess Defense Articles granted under the FAA are covered
    Given these proposals:
      | id      | sources   | channel   | kind   | units     |
      | support | <sources> | <channel> | <kind> | battalion |
      | other   | <sources> | <channel> | <kind> | clean     |
    Then the proposal `support` falls under the State law
    And the outcomes are:
      | proposal | outcome  |
      | support  | rejected |
      | other    | approved |

    Examples:
      | sources | channel | kind      |
      | imet    | fms     | training  |
      | faa     | eda     | equipment |
      | incle   | grant   | equipment |
      | pko     | grant   | training  |

  @usc_10_362_a1 @usc_10_362_c @usc_22_2378d_a
  Scenario: Mixed State and DoD funding is decided under both laws, and a DoD waiver does not clear the State bar
    Given these proposals:
      | id       | sources      | kind      | units     |
      | combined | fmf, dod-333 | equipment | battalion |
    And these determinations:
      | id     | kind       | unit      | proposal | made       | consulted state |
      | waiver | dod-waiver | battalion | combined | 2015-01-10 | yes             |
    Then the proposal `combined` falls under both laws
    And the proposal `combined` is rejected
    And the finding for `combined` under the DoD law cites `usc-10-362-c`
    And the finding for `combined` under the State law cites `usc-22-2378d-a`

  @usc_10_362_a1
  Scenario: Mixed funding for a clean unit is approved under both laws
    Given these proposals:
      | id       | sources        | kind     | units |
      | combined | esf, dod-284   | training | clean |
    Then the proposal `combined` falls under both laws
    And the proposal `combined` is approved

  @pl_112_74_8058 @pl_113_76_8057 @pl_113_291_1204 @usc_10_362_a1 @time
  Scenario: DoD equipment is covered by the fiscal year of its funds until the codification of 19 December 2014
    Given these proposals:
      | id         | sources | kind      | fiscal year | units     |
      | old-funds  | dod     | equipment | 2013        | battalion |
      | new-funds  | dod     | equipment | 2014        | battalion |
      | unknown-fy | dod     | equipment |             | battalion |
    When the as-of date is 2014-06-01
    Then the outcomes are:
      | proposal   | outcome     |
      | old-funds  | not-covered |
      | new-funds  | rejected    |
      | unknown-fy | rejected    |
    And the finding for `new-funds` under the DoD law cites `pl-113-76-8057`
    When the as-of date is 2014-12-19
    Then the outcomes are:
      | proposal   | outcome  |
      | old-funds  | rejected |
      | new-funds  | rejected |
      | unknown-fy | rejected |
    And the finding for `old-funds` under the DoD law cites `usc-10-362-a1`

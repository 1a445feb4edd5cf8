@coverage
Feature: Coverage account by account and day by day — each fund is covered by the act that governs it
  Every account of a law's funds is covered alike, and neither law reaches the others. The DoD provision changed
  twice: the FY2014 act (17 January 2014) extended it from training to equipment and other assistance paid
  from FY2014 funds; the codification (19 December 2014) to DoD funds of any fiscal year. Until then, DoD funds
  of FY2013 or earlier stayed under the training-only provision of their own act. The findings say which act
  covers a proposal on a given day, so these scenarios check them exactly, on the days the law changed.

  Background:
    Given both laws apply
    And these units:
      | id        | name              | parent |
      | army      | the army          |        |
      | battalion | the 9th battalion | army   |
    And these incidents:
      | id      | date       | violations            | units     |
      | killing | 2012-06-30 | extrajudicial-killing | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2012-07-01 | credible   | 2012-08-01  |

  @usc_22_2378d_a
  Scenario Outline: Every account of FAA and AECA funds is vetted under the State law
    Given the as-of date is 2015-01-31
    And these proposals:
      | id      | sources   | kind     | units     |
      | support | <account> | training | battalion |
    Then the proposal `support` falls under the State law
    And the proposal `support` is rejected
    And the findings for `support` under the State law are:
      | rule                                 | effect  | citation       |
      | state-law-covers-faa-aeca-assistance | covered | usc-22-2378d-a |
      | recipient-unit-barred                | bar     | usc-22-2378d-a |
    And there is no finding for `support` under the DoD law

    Examples:
      | account |
      | fmf     |
      | imet    |
      | incle   |
      | nadr    |
      | pko     |
      | esf     |
      | faa     |
      | aeca    |

  @usc_10_362_a1 @pl_113_76_8057 @pl_112_74_8058 @time
  Scenario Outline: Every DoD account is covered alike, under the act in force on the day
    The section 333 and 284 accounts are later than the earlier acts; the provisions speak of any amounts made
    available to the Department of Defense, so the rules read every DoD account alike on every day.
    Given the as-of date is <day>
    And these proposals:
      | id      | sources   | kind   | fiscal year | units     |
      | support | <account> | <kind> | <year>      | battalion |
    Then the proposal `support` falls under the DoD law
    And the proposal `support` is rejected
    And the findings for `support` under the DoD law are:
      | rule                  | effect  | citation   |
      | <rule>                | covered | <citation> |
      | recipient-unit-barred | bar     | usc-10-362-a1 |

    Examples:
      | day        | account | kind      | year | rule                                        | citation       |
      | 2013-06-01 | dod-333 | training  | 2013 | dod-law-covered-only-training-before-fy2014 | pl-112-74-8058 |
      | 2013-06-01 | dod-284 | training  | 2013 | dod-law-covered-only-training-before-fy2014 | pl-112-74-8058 |
      | 2013-06-01 | dod     | training  | 2013 | dod-law-covered-only-training-before-fy2014 | pl-112-74-8058 |
      | 2014-06-01 | dod-333 | equipment | 2014 | dod-law-covers-fy2014-funds                 | pl-113-76-8057 |
      | 2014-06-01 | dod-284 | equipment | 2014 | dod-law-covers-fy2014-funds                 | pl-113-76-8057 |
      | 2014-06-01 | dod     | equipment | 2014 | dod-law-covers-fy2014-funds                 | pl-113-76-8057 |
      | 2015-01-31 | dod-333 | equipment | 2015 | dod-law-covers-dod-assistance               | usc-10-362-a1  |
      | 2015-01-31 | dod-284 | equipment | 2015 | dod-law-covers-dod-assistance               | usc-10-362-a1  |
      | 2015-01-31 | dod     | equipment | 2015 | dod-law-covers-dod-assistance               | usc-10-362-a1  |

  @crs_if10575 @usc_22_2378d_a @usc_10_362_a1
  Scenario: A sale the buyer pays for and a grant of other funds are outside both laws, each for its own reason
    Given the as-of date is 2015-01-31
    And these proposals:
      | id    | sources   | channel | kind      | units     |
      | sale  | purchaser | dcs     | equipment | battalion |
      | grant | other     |         | other     | battalion |
    Then the outcomes are:
      | proposal | outcome     |
      | sale     | not-covered |
      | grant    | not-covered |
    And the findings for `sale` under the State law are:
      | rule                               | effect      | citation    |
      | purchaser-funded-sales-not-covered | not-covered | crs-if10575 |
    And the findings for `sale` under the DoD law are:
      | rule                               | effect      | citation    |
      | purchaser-funded-sales-not-covered | not-covered | crs-if10575 |
    And the findings for `grant` under the State law are:
      | rule                    | effect      | citation       |
      | other-funds-not-covered | not-covered | usc-22-2378d-a |
    And the findings for `grant` under the DoD law are:
      | rule                    | effect      | citation      |
      | other-funds-not-covered | not-covered | usc-10-362-a1 |

  @usc_22_2378d_a
  Scenario: Assistance paid partly from FAA funds and partly from other funds is covered by the State law
    Given the as-of date is 2015-01-31
    And these proposals:
      | id      | sources    | kind     | units     |
      | support | fmf, other | training | battalion |
    Then the proposal `support` falls under the State law
    And the proposal `support` is rejected
    And the findings for `support` under the State law are:
      | rule                                 | effect  |
      | state-law-covers-faa-aeca-assistance | covered |
      | recipient-unit-barred                | bar     |

  @pl_112_74_8058 @pl_113_76_8057 @time
  Scenario: Until the codification, DoD funds of FY2013 or earlier stay under the training-only provision
    Given these proposals:
      | id            | sources | kind      | fiscal year | units     |
      | old-training  | dod     | training  | 2013        | battalion |
      | old-equipment | dod     | equipment | 2013        | battalion |
      | old-other     | dod     | other     | 2013        | battalion |
      | fmf-equipment | fmf     | equipment | 2013        | battalion |
    When the as-of date is 2014-01-16
    Then the outcomes are:
      | proposal      | outcome     |
      | old-training  | rejected    |
      | old-equipment | not-covered |
      | old-other     | not-covered |
      | fmf-equipment | rejected    |
    And the findings for `old-equipment` under the DoD law are:
      | rule                                    | effect      |
      | dod-equipment-not-covered-before-fy2014 | not-covered |
      | recipient-unit-barred                   | bar         |
    And there is no finding for `fmf-equipment` under the DoD law
    When the as-of date is 2014-01-17
    Then the outcomes are:
      | proposal      | outcome     |
      | old-training  | rejected    |
      | old-equipment | not-covered |
      | old-other     | not-covered |
      | fmf-equipment | rejected    |
    And the findings for `old-training` under the DoD law are:
      | rule                                        | effect  |
      | dod-law-covered-only-training-before-fy2014 | covered |
      | recipient-unit-barred                       | bar     |
    And the findings for `old-equipment` under the DoD law are:
      | rule                                       | effect      |
      | dod-equipment-of-earlier-funds-not-covered | not-covered |
      | recipient-unit-barred                      | bar         |
    And the findings for `old-other` under the DoD law are:
      | rule                                       | effect      |
      | dod-equipment-of-earlier-funds-not-covered | not-covered |
      | recipient-unit-barred                      | bar         |
    And there is no finding for `fmf-equipment` under the DoD law

  @pl_112_74_8058 @pl_113_76_8057 @usc_10_362_a1 @time
  Scenario: On 19 December 2014 the codification covers DoD funds of every fiscal year, and the earlier acts stop
    Given these proposals:
      | id            | sources | kind      | fiscal year | units     |
      | old-training  | dod     | training  | 2013        | battalion |
      | old-equipment | dod     | equipment | 2013        | battalion |
      | new-equipment | dod     | equipment | 2014        | battalion |
    When the as-of date is 2014-12-18
    Then the outcomes are:
      | proposal      | outcome     |
      | old-training  | rejected    |
      | old-equipment | not-covered |
      | new-equipment | rejected    |
    And the findings for `old-training` under the DoD law are:
      | rule                                        | effect  |
      | dod-law-covered-only-training-before-fy2014 | covered |
      | recipient-unit-barred                       | bar     |
    And the findings for `old-equipment` under the DoD law are:
      | rule                                       | effect      |
      | dod-equipment-of-earlier-funds-not-covered | not-covered |
      | recipient-unit-barred                      | bar         |
    And the findings for `new-equipment` under the DoD law are:
      | rule                        | effect  |
      | dod-law-covers-fy2014-funds | covered |
      | recipient-unit-barred       | bar     |
    When the as-of date is 2014-12-19
    Then the outcomes are:
      | proposal      | outcome  |
      | old-training  | rejected |
      | old-equipment | rejected |
      | new-equipment | rejected |
    And the findings for `old-training` under the DoD law are:
      | rule                          | effect  |
      | dod-law-covers-dod-assistance | covered |
      | recipient-unit-barred         | bar     |
    And the findings for `old-equipment` under the DoD law are:
      | rule                          | effect  |
      | dod-law-covers-dod-assistance | covered |
      | recipient-unit-barred         | bar     |
    And the findings for `new-equipment` under the DoD law are:
      | rule                          | effect  |
      | dod-law-covers-dod-assistance | covered |
      | recipient-unit-barred         | bar     |

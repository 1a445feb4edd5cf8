@state_exception
Feature: The explanation shows the determinations beside a unit, and why each lifts or not on the date
  An analyst reading why a unit is barred must see every determination about it or a unit above it: one that
  lifts, one made but not yet reported to Congress (22 U.S.C. 2378d(b): no effect until reported), one that
  lapsed when the suspects were released, and the DoD determination that stays. Synthetic data.

  Background:
    Given both laws apply
    And these units:
      | id        | name              | parent    |
      | army      | the army          |           |
      | battalion | the 9th battalion | army      |
      | company   | a company         | battalion |
    And these incidents:
      | id      | date       | violations            | units     |
      | killing | 2014-06-30 | extrajudicial-killing | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    And these determinations:
      | id         | kind                  | unit      | made       | reported   | consulted state | incidents |
      | steps      | state-effective-steps | battalion | 2015-03-01 | 2015-03-10 |                 | killing   |
      | corrective | dod-corrective-steps  | battalion | 2015-03-01 | 2015-03-10 | yes             | killing   |
    And these investigations:
      | id          | incident | kind        | status            | status on  |
      | prosecution | killing  | prosecution | suspects-released | 2015-06-01 |

  @usc_22_2378d_b @usc_10_362_b @time
  Scenario: A determination made but not yet reported lifts nothing; reported, it lifts; after a release it lapses
    When the as-of date is 2015-03-05
    Then the explanation of `company` shows the determinations:
      | determination | effect        |
      | steps         | lifts nothing |
      | corrective    | lifts         |
    When the as-of date is 2015-05-31
    Then the explanation of `company` shows the determinations:
      | determination | effect |
      | steps         | lifts  |
      | corrective    | lifts  |
    When the as-of date is 2015-06-01
    Then the explanation of `company` shows the determinations:
      | determination | effect |
      | steps         | lapsed |
      | corrective    | lifts  |
    When the as-of date is 2015-02-01
    Then the explanation of `company` shows the determinations:
      | determination | effect |

@violations
Feature: What counts as a gross violation of human rights
  Torture, extrajudicial killing, enforced disappearance and rape under color of law are gross violations
  (State practice). Cruel, inhuman or degrading treatment, prolonged detention without charge and other
  flagrant denials of the right to life, liberty or security (FAA 502B(d)(1)) are gross only when a review says
  so; until reviewed they suspend assistance. Other conduct is context and has no effect.

  Background:
    Given both laws apply
    And the as-of date is 2015-01-31
    And these units:
      | id        | name              | parent |
      | army      | the army          |        |
      | battalion | the 9th battalion | army   |
    And these proposals:
      | id       | authority | kind     | units     |
      | training | faa       | training | battalion |

  @state_leahy_fact_sheet @usc_22_2378d_a @usc_10_362_a1
  Scenario Outline: Credible information of a core violation bars the unit
    Given these incidents:
      | id       | date       | violations  | units     |
      | incident | 2014-06-30 | <violation> | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | incident | 2014-07-01 | credible   | 2014-09-01  |
    Then the unit `battalion` is ineligible under both laws
    And the unit `army` is eligible under both laws
    And the proposal `training` is rejected
    And the findings for `battalion` under the State law are:
      | rule            | effect | citation       | because |
      | unit-implicated | bar    | usc-22-2378d-a | report  |

    Examples:
      | violation               |
      | torture                 |
      | extrajudicial-killing   |
      | enforced-disappearance  |
      | rape-under-color-of-law |

  @usc_22_2304_d1
  Scenario Outline: A second-tier violation found gross on review bars the unit
    Given these incidents:
      | id       | date       | violations  | units     |
      | incident | 2014-06-30 | <violation> | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on | second tier |
      | report | incident | 2014-07-01 | credible   | 2014-09-01  | gross       |
    Then the unit `battalion` is ineligible under both laws
    And the proposal `training` is rejected

    Examples:
      | violation                          |
      | cruel-inhuman-degrading-treatment  |
      | prolonged-detention-without-charge |
      | other-flagrant-denial              |

  @usc_22_2304_d1
  Scenario: A second-tier violation not yet reviewed suspends assistance pending the review
    Given these incidents:
      | id       | date       | violations                         | units     |
      | incident | 2014-06-30 | prolonged-detention-without-charge | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | incident | 2014-07-01 | credible   | 2014-09-01  |
    Then the unit `battalion` is suspended under both laws
    And the proposal `training` is suspended

  @usc_22_2304_d1
  Scenario: A second-tier violation reviewed and found not gross bars nothing but is shown as derogatory information
    Given these incidents:
      | id       | date       | violations                        | units     |
      | incident | 2014-06-30 | cruel-inhuman-degrading-treatment | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on | second tier |
      | report | incident | 2014-07-01 | credible   | 2014-09-01  | not-gross   |
    Then the unit `battalion` is eligible under both laws
    And the note `reviewed-not-gross-is-derogatory` explains `battalion` under the State law
    And the note `reviewed-not-gross-is-derogatory` explains `battalion` under the DoD law
    And the proposal `training` is approved

  @state_leahy_fact_sheet
  Scenario: Conduct recorded as `other` is context, not a gross violation
    Given these incidents:
      | id       | date       | violations | units     |
      | incident | 2014-06-30 | other      | battalion |
    And this information:
      | id     | incident | received   | assessment |
      | report | incident | 2014-07-01 | pending    |
    Then the unit `battalion` is eligible under both laws
    And the proposal `training` is approved

  @state_leahy_fact_sheet @usc_22_2304_d1
  Scenario: A core violation and an unreviewed second-tier violation in one item: the bar dominates
    Given these incidents:
      | id       | date       | violations                                 | units     |
      | incident | 2014-06-30 | torture, cruel-inhuman-degrading-treatment | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | incident | 2014-07-01 | credible   | 2014-09-01  |
    Then the unit `battalion` is ineligible under both laws
    And the findings for `battalion` under the DoD law are:
      | rule            | effect  | citation      |
      | unit-implicated | bar     | usc-10-362-a1 |
      | unit-implicated | suspend | usc-10-362-a1 |

  @state_leahy_fact_sheet
  Scenario: An information item's own violations take the place of its incident's
    Given these incidents:
      | id       | date       | violations | units     |
      | incident | 2014-06-30 | other      | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on | violations |
      | report | incident | 2014-07-01 | credible   | 2014-09-01  | torture    |
    Then the unit `battalion` is ineligible under both laws

  @state_leahy_fact_sheet
  Scenario: A violation whose kind the sources do not give holds assistance until it is classified
    Given these incidents:
      | id       | date       | violations | units     |
      | incident | 2014-06-30 | unknown    | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | incident | 2014-07-01 | credible   | 2014-09-01  |
    Then the unit `battalion` is suspended under both laws
    And the unit `army` is eligible under both laws
    And the proposal `training` is suspended
    And the open tasks are exactly:
      | kind               | subject | law   |
      | classify-violation | report  | State |
      | classify-violation | report  | DoD   |

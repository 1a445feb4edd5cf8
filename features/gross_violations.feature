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

  @usc_22_2304_d1 @state_leahy_fact_sheet
  Scenario: A second-tier violation reviewed gross bars only once its information is assessed credible
    Given these incidents:
      | id       | date       | violations                        | units     |
      | incident | 2014-06-30 | cruel-inhuman-degrading-treatment | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on | second tier |
      | report | incident | 2014-07-01 | credible   | 2015-03-01  | gross       |
    Then the unit `battalion` is suspended under both laws
    And the proposal `training` is suspended
    When the as-of date is 2015-03-01
    Then the unit `battalion` is ineligible under both laws

  @usc_22_2304_d1
  Scenario: The review of one information item decides that item only
    Given these units:
      | id      | name          | parent |
      | company | a company     | army   |
      | platoon | a platoon     | army   |
    And these incidents:
      | id        | date       | violations                         | units     |
      | abuse     | 2014-06-30 | cruel-inhuman-degrading-treatment  | battalion |
      | detention | 2014-06-30 | prolonged-detention-without-charge | company   |
      | denial    | 2014-06-30 | other-flagrant-denial              | platoon   |
    And this information:
      | id      | incident  | received   | assessment | assessed on | second tier |
      | found   | abuse     | 2014-07-01 | credible   | 2014-09-01  | gross       |
      | waiting | detention | 2014-07-01 | credible   | 2014-09-01  |             |
      | cleared | denial    | 2014-07-01 | credible   | 2014-09-01  | not-gross   |
    Then under both laws the statuses are:
      | unit      | State      | DoD        |
      | battalion | ineligible | ineligible |
      | company   | suspended  | suspended  |
      | platoon   | eligible   | eligible   |
    And the findings for `battalion` under the State law are:
      | rule            | effect | because |
      | unit-implicated | bar    | found   |

  @usc_22_2304_d1 @state_leahy_fact_sheet
  Scenario: A review found gross counts for second-tier violations only, and other information's violations count for none
    A review recorded as gross on an item whose violation is of unknown kind does not classify it: the item
    still awaits classification. Conduct recorded as `other` is no second-tier violation, whatever other items
    report.
    Given these units:
      | id      | name          | parent |
      | company | a company     | army   |
      | platoon | a platoon     | army   |
    And these incidents:
      | id        | date       | violations                        | units     |
      | unclear   | 2014-06-30 | unknown                           | battalion |
      | abuse     | 2014-06-30 | cruel-inhuman-degrading-treatment | company   |
      | conduct   | 2014-06-30 | other                             | platoon   |
    And this information:
      | id      | incident | received   | assessment | assessed on | second tier |
      | vague   | unclear  | 2014-07-01 | credible   | 2014-09-01  | gross       |
      | account | abuse    | 2014-07-01 | credible   | 2014-09-01  |             |
      | context | conduct  | 2014-07-01 | credible   | 2014-09-01  |             |
    Then under both laws the statuses are:
      | unit      | State     | DoD       |
      | battalion | suspended | suspended |
      | company   | suspended | suspended |
      | platoon   | eligible  | eligible  |
    And a task `classify-violation` is open for `vague` under the State law

@state_exception
Feature: The State exception (effective steps) and the duty to inform
  The State bar lifts when the Secretary of State has determined AND reported to Congress that the government
  is taking effective steps to bring the responsible members of the unit to justice; the determination covers
  the information received by the day it was made, and never lifts a DoD bar. An investigation alone is not an
  exception. When State assistance is withheld from a unit, the foreign government must be informed.

  Background:
    Given both laws apply
    And the as-of date is 2015-06-30
    And these units:
      | id        | name              | parent |
      | army      | the army          |        |
      | zone      | the 22nd zone     | army   |
      | battalion | the 9th battalion | zone   |
    And these incidents:
      | id      | date       | violations            | units     |
      | killing | 2014-06-30 | extrajudicial-killing | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    And these proposals:
      | id       | authority | kind     | units     |
      | training | faa       | training | battalion |
      | trucks   | dod       | equipment | battalion |

  @usc_22_2378d_b
  Scenario: Effective steps, determined and reported, lift the State bar and not the DoD bar
    Given these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents |
      | steps | state-effective-steps | battalion | 2015-03-01 | 2015-03-15 | killing   |
    Then under both laws the statuses are:
      | unit      | State      | DoD        |
      | battalion | remediated | ineligible |
    And the finding for `battalion` under the State law cites `usc-22-2378d-b`
    And no finding for `battalion` under the DoD law cites `usc-22-2378d-b`
    And the findings for `battalion` under the State law are:
      | rule                            | effect | citation       | lifted |
      | unit-implicated                 | bar    | usc-22-2378d-a | yes    |
      | state-effective-steps-exception | lift   | usc-22-2378d-b |        |
    And the outcomes are:
      | proposal | outcome               |
      | training | approved-by-exception |
      | trucks   | rejected              |
    And the findings for `training` under the State law are:
      | rule                                 | effect  | lifted |
      | state-law-covers-faa-aeca-assistance | covered |        |
      | recipient-unit-barred                | bar     | yes    |

  @usc_22_2378d_b
  Scenario: Effective steps for one violation do not lift the bar for another
    Given these incidents:
      | id      | date       | violations | units     |
      | beating | 2014-05-01 | torture    | battalion |
    And this information:
      | id        | incident | received   | assessment | assessed on |
      | complaint | beating  | 2014-05-02 | credible   | 2014-06-01  |
    And these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents |
      | steps | state-effective-steps | battalion | 2015-03-01 | 2015-03-15 | killing   |
    Then the unit `battalion` is ineligible under the State law
    And the proposal `training` is rejected

  @usc_22_2378d_b
  Scenario: A determination not yet reported to Congress has no effect, and a task says so
    Given these determinations:
      | id    | kind                  | unit      | made       | incidents |
      | steps | state-effective-steps | battalion | 2015-03-01 | killing   |
    Then the unit `battalion` is ineligible under the State law
    And the proposal `training` is rejected
    And a task `report-determination-to-congress` is open for `steps` under the State law

  @usc_22_2378d_b @time
  Scenario: A determination reported after the as-of date does not count yet
    Given these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents |
      | steps | state-effective-steps | battalion | 2015-03-01 | 2015-07-15 | killing   |
    Then the unit `battalion` is ineligible under the State law
    And a task `report-determination-to-congress` is open for `steps` under the State law

  @usc_22_2378d_b @hierarchy
  Scenario: A lifted bar is lifted everywhere it reached
    Given these incidents:
      | id       | date       | violations | units |
      | torture  | 2014-05-01 | torture    | zone  |
    And this information:
      | id        | incident | received   | assessment | assessed on |
      | complaint | torture  | 2014-05-15 | credible   | 2014-06-01  |
    And these determinations:
      | id         | kind                  | unit | made       | reported   | incidents |
      | zone-steps | state-effective-steps | zone | 2015-03-01 | 2015-03-15 | torture   |
    Then under the State law the statuses are:
      | unit      | status     |
      | zone      | remediated |
      | battalion | ineligible |
    And the findings for `battalion` under the State law are:
      | rule                   | effect | citation       | lifted | because           |
      | unit-implicated        | bar    | usc-22-2378d-a | no     | report            |
      | bar-covers-units-under | bar    | usc-22-2378d-a | yes    | zone, complaint   |

  @usc_22_2378d_b @time
  Scenario: A determination covers only the information received by the day it was made
    Given these incidents:
      | id       | date       | violations | units     |
      | second   | 2015-04-01 | torture    | battalion |
    And this information:
      | id       | incident | received   | assessment | assessed on |
      | new-info | second   | 2015-04-02 | credible   | 2015-05-01  |
    And these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents |
      | steps | state-effective-steps | battalion | 2015-03-01 | 2015-03-15 | killing   |
    Then the unit `battalion` is ineligible under the State law
    And the findings for `battalion` under the State law are:
      | rule                            | effect | citation       | lifted | because  |
      | unit-implicated                 | bar    | usc-22-2378d-a | yes    | report   |
      | unit-implicated                 | bar    | usc-22-2378d-a | no     | new-info |
      | state-effective-steps-exception | lift   | usc-22-2378d-b |        | steps, report |

  @usc_22_2378d_b @time
  Scenario: A determination does not cover information on its incident that may have arrived after it
    The second report's date is known only as a range that ends after the determination: it was not certainly
    received by the day the determination was made, so the determination does not cover it.
    Given this information:
      | id           | incident | received                 | assessment | assessed on |
      | later-report | killing  | 2015-02-20 to 2015-03-10 | credible   | 2015-03-20  |
    And these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents |
      | steps | state-effective-steps | battalion | 2015-03-01 | 2015-03-15 | killing   |
    Then the unit `battalion` is ineligible under the State law
    And the findings for `battalion` under the State law are:
      | rule                            | effect | lifted | because       |
      | unit-implicated                 | bar    | yes    | report        |
      | unit-implicated                 | bar    | no     | later-report  |
      | state-effective-steps-exception | lift   |        | steps, report |

  @usc_22_2378d_b @time
  Scenario: A determination covers information received by the very day it was made
    Given this information:
      | id           | incident | received                 | assessment | assessed on |
      | later-report | killing  | 2015-02-20 to 2015-03-01 | credible   | 2015-03-20  |
    And these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents |
      | steps | state-effective-steps | battalion | 2015-03-01 | 2015-03-15 | killing   |
    Then the unit `battalion` is remediated under the State law
    And the proposal `training` is approved-by-exception

  @usc_22_2378d_b
  Scenario: A determination about another unit lifts nothing
    Given these determinations:
      | id    | kind                  | unit | made       | reported   | incidents |
      | steps | state-effective-steps | zone | 2015-03-01 | 2015-03-15 | killing   |
    Then the unit `battalion` is ineligible under the State law
    And the unit `zone` is eligible under the State law

  @usc_22_2378d_b @credible_information
  Scenario: Effective steps lift a suspension too
    Given these incidents:
      | id       | date       | violations | units     |
      | arrests  | 2014-08-01 | torture    | army      |
    And this information:
      | id     | incident | received   | assessment |
      | rumour | arrests  | 2014-08-02 | pending    |
    And these determinations:
      | id         | kind                  | unit | made       | reported   | incidents |
      | army-steps | state-effective-steps | army | 2015-03-01 | 2015-03-02 | arrests   |
    Then under the State law the statuses are:
      | unit | status     |
      | army | remediated |
      | zone | remediated |

  @usc_22_2378d_b @usc_10_362_b
  Scenario: An investigation alone is not an exception
    Given these investigations:
      | id      | incident | kind        | status  | by                  |
      | inquiry | killing  | prosecution | charged | the civil prosecutor |
    Then the unit `battalion` is ineligible under both laws
    And the note `investigation-is-not-remediation` explains `battalion` under the State law
    And the note `investigation-is-not-remediation` explains `battalion` under the DoD law

  @usc_22_2378d_c
  Scenario: When State assistance is withheld from a barred unit the foreign government is informed
    Then the proposal `training` is rejected
    And a task `inform-foreign-government` is open for `battalion` under the State law
    And the open tasks are exactly:
      | kind                      | subject   | law   |
      | inform-foreign-government | battalion | State |

  @usc_22_2378d_c @credible_information
  Scenario: A suspension pending assessment is not yet a refusal to inform about
    Given the as-of date is 2014-08-01
    Then the unit `battalion` is suspended under the State law
    And the proposal `training` is suspended
    And no task `inform-foreign-government` is open

  @usc_22_2378d_c @usc_22_2378d_b
  Scenario: Once the bar is lifted there is nothing to inform about
    Given these determinations:
      | id    | kind                  | unit      | made       | reported   | incidents |
      | steps | state-effective-steps | battalion | 2015-03-01 | 2015-03-15 | killing   |
    Then no task is open

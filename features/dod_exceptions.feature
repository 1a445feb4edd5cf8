@dod_exceptions
Feature: The DoD exception, the emergency exception and the waiver, with their 15-day reports
  The DoD bar lifts when the Secretary of Defense, after consulting the Secretary of State, determines that the
  government has taken all necessary corrective steps. Equipment or other assistance (never training) needed in
  a disaster or another humanitarian or national-security emergency may go ahead, and the Secretary may waive
  the prohibition for one activity in extraordinary circumstances, after consulting State. Neither the emergency
  nor the waiver changes any unit's status. Each is reported to Congress within 15 days.

  Background:
    Given both laws apply
    And the as-of date is 2015-06-30
    And these units:
      | id        | name              | parent |
      | army      | the army          |        |
      | battalion | the 9th battalion | army   |
    And these incidents:
      | id      | date       | violations            | units     |
      | killing | 2014-06-30 | extrajudicial-killing | battalion |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | killing  | 2014-07-01 | credible   | 2014-09-01  |
    And these proposals:
      | id        | authority | kind      | units     |
      | training  | dod       | training  | battalion |
      | radios    | dod       | equipment | battalion |
      | relief    | dod       | other     | battalion |
      | state-aid | faa       | equipment | battalion |

  @usc_10_362_b @usc_10_362_e
  Scenario: Corrective steps after consulting State lift the DoD bar and not the State bar
    Given these determinations:
      | id         | kind                 | unit      | made       | consulted state | incidents |
      | corrective | dod-corrective-steps | battalion | 2015-06-20 | yes             | killing   |
    Then under both laws the statuses are:
      | unit      | State      | DoD        |
      | battalion | ineligible | remediated |
    And the finding for `battalion` under the DoD law cites `usc-10-362-b`
    And the outcomes are:
      | proposal  | outcome               |
      | training  | approved-by-exception |
      | radios    | approved-by-exception |
      | state-aid | rejected              |
    And a task `report-to-congress-15-days` is open for `corrective` under the DoD law, due 2015-07-05

  @usc_10_362_b @usc_10_362_e
  Scenario: A corrective-steps determination reported to Congress leaves no report task
    Given these determinations:
      | id         | kind                 | unit      | made       | reported   | consulted state | incidents |
      | corrective | dod-corrective-steps | battalion | 2015-06-01 | 2015-06-10 | yes             | killing   |
    Then the unit `battalion` is remediated under the DoD law
    And no task `report-to-congress-15-days` is open

  @usc_10_362_b
  Scenario: A corrective-steps determination made without consulting State has no effect
    Given these determinations:
      | id         | kind                 | unit      | made       | reported   | consulted state | incidents |
      | corrective | dod-corrective-steps | battalion | 2015-06-01 | 2015-06-10 | no              | killing   |
    Then the unit `battalion` is ineligible under the DoD law
    And the note `dod-determination-needs-consultation` explains `battalion` under the DoD law
    And the proposal `training` is rejected

  @usc_10_362_b @time
  Scenario: Corrective steps cover only the information received by the day they were determined
    Given these incidents:
      | id     | date       | violations | units     |
      | second | 2015-06-05 | torture    | battalion |
    And this information:
      | id       | incident | received   | assessment | assessed on |
      | new-info | second   | 2015-06-06 | credible   | 2015-06-15  |
    And these determinations:
      | id         | kind                 | unit      | made       | reported   | consulted state | incidents |
      | corrective | dod-corrective-steps | battalion | 2015-06-01 | 2015-06-10 | yes             | killing   |
    Then the unit `battalion` is ineligible under the DoD law
    And the proposal `radios` is rejected

  @usc_10_362_b @time
  Scenario: Corrective steps do not cover information on their incident that may have arrived after them
    The second report's date is known only as a range that ends after the determination: it was not certainly
    received by the day the determination was made, so the determination does not cover it.
    Given this information:
      | id           | incident | received                 | assessment | assessed on |
      | later-report | killing  | 2015-05-20 to 2015-06-10 | credible   | 2015-06-15  |
    And these determinations:
      | id         | kind                 | unit      | made       | reported   | consulted state | incidents |
      | corrective | dod-corrective-steps | battalion | 2015-06-01 | 2015-06-10 | yes             | killing   |
    Then the unit `battalion` is ineligible under the DoD law
    And the proposal `radios` is rejected

  @usc_10_362_b @time
  Scenario: Corrective steps cover information received by the very day they were determined
    Given this information:
      | id           | incident | received                 | assessment | assessed on |
      | later-report | killing  | 2015-05-20 to 2015-06-01 | credible   | 2015-06-15  |
    And these determinations:
      | id         | kind                 | unit      | made       | reported   | consulted state | incidents |
      | corrective | dod-corrective-steps | battalion | 2015-06-01 | 2015-06-10 | yes             | killing   |
    Then the unit `battalion` is remediated under the DoD law
    And the proposal `radios` is approved-by-exception

  @usc_10_362_b @usc_10_362_e
  Scenario Outline: Equipment or other assistance needed in an emergency may go ahead; the unit stays barred
    Given these determinations:
      | id        | kind          | unit      | proposal   | made       | emergency   |
      | emergency | dod-emergency | battalion | <proposal> | 2015-06-25 | <emergency> |
    Then the proposal `<proposal>` is approved-by-exception
    And the finding for `<proposal>` under the DoD law cites `usc-10-362-b`
    And the unit `battalion` is ineligible under the DoD law
    And the proposal `training` is rejected
    And a task `report-to-congress-15-days` is open for `emergency` under the DoD law, due 2015-07-10

    Examples:
      | proposal | emergency          |
      | radios   | national-security  |
      | relief   | disaster-relief    |
      | relief   | humanitarian       |

  @usc_10_362_b
  Scenario: The emergency exception does not cover training
    Given these determinations:
      | id        | kind          | unit      | proposal | made       | reported   | emergency    |
      | emergency | dod-emergency | battalion | training | 2015-06-25 | 2015-06-26 | humanitarian |
    Then the proposal `training` is rejected
    And the findings for `training` under the DoD law are:
      | rule                           | effect  | citation      |
      | dod-law-covers-dod-assistance  | covered | usc-10-362-a1 |
      | recipient-unit-barred          | bar     | usc-10-362-a1 |
      | dod-emergency-not-for-training | note    | usc-10-362-b  |

  @usc_10_362_c @usc_10_362_e
  Scenario: A waiver for extraordinary circumstances lets one activity go ahead; the unit stays barred
    Given these determinations:
      | id     | kind       | unit      | proposal | made       | consulted state |
      | waiver | dod-waiver | battalion | training | 2015-06-20 | yes             |
    Then the proposal `training` is waived
    And the finding for `training` under the DoD law cites `usc-10-362-c`
    And the proposal `radios` is rejected
    And the unit `battalion` is ineligible under both laws
    And the open tasks are exactly:
      | kind                       | subject   | law   | due        |
      | report-to-congress-15-days | waiver    | DoD   | 2015-07-05 |
      | inform-foreign-government  | battalion | State |            |

  @usc_10_362_c @usc_10_362_b
  Scenario: A waiver made without consulting State has no effect
    Given these determinations:
      | id     | kind       | unit      | proposal | made       | reported   | consulted state |
      | waiver | dod-waiver | battalion | training | 2015-06-20 | 2015-06-22 | no              |
    Then the proposal `training` is rejected
    And the note `dod-determination-needs-consultation` explains `battalion` under the DoD law

  @usc_10_362_c @usc_10_362_e @time
  Scenario: A waiver made after the as-of date does not count yet
    Given these determinations:
      | id     | kind       | unit      | proposal | made       | consulted state |
      | waiver | dod-waiver | battalion | training | 2015-07-20 | yes             |
    Then the proposal `training` is rejected
    And no task `report-to-congress-15-days` is open

  @usc_10_362_b @time
  Scenario: A determination made after the as-of date explains nothing yet
    Given these determinations:
      | id         | kind                 | unit      | made       | consulted state | incidents |
      | corrective | dod-corrective-steps | battalion | 2015-07-20 | no              | killing   |
    Then the findings for `battalion` under the DoD law are:
      | rule            | effect | citation      |
      | unit-implicated | bar    | usc-10-362-a1 |

  @usc_10_362_e @usc_10_362_c
  Scenario: The 15-day report runs from the day the waiver is first applied, not the day it was made
    Given these determinations:
      | id     | kind       | unit      | proposal | made       | applied    | consulted state |
      | waiver | dod-waiver | battalion | training | 2015-06-01 | 2015-06-20 | yes             |
    Then the proposal `training` is waived
    And a task `report-to-congress-15-days` is open for `waiver` under the DoD law, due 2015-07-05

# LAP Studio — English interface. Every key here must also be in bg/lap.ftl (a test checks).

untitled = Untitled plan
steps-title = Plan steps
overall-complete = Plan complete: { $n }%
count-errors = { $n ->
    [one] 1 error
   *[other] { $n } errors
}
count-warnings = { $n ->
    [one] 1 warning
   *[other] { $n } warnings
}

menu-file = File
menu-edit = Edit
menu-view = View
menu-help = Help
menu-open-recent = Open recent
menu-no-recent = No recent files

cmd-new = New from template…
cmd-open = Open…
cmd-save = Save
cmd-save-as = Save as…
cmd-export-pdf = Export PDF…
cmd-export-xlsx = Export tables to Excel (xlsx)…
cmd-progress-report = Progress report…
cmd-quit = Quit
cmd-undo = Undo
cmd-redo = Redo
cmd-toggle-findings = Show or hide findings
cmd-toggle-theme = Light or dark theme
cmd-toggle-language = Български / English
cmd-about = About LAP Studio
cmd-shortcuts = Keyboard shortcuts

export-title = Export

status-saving = Saving…
status-saved = Saved { $file }
status-opened = Opened { $file }
status-nothing-to-undo = Nothing to undo
status-nothing-to-redo = Nothing to redo
status-autosave-failed = Autosave failed

findings-title = Findings
findings-count = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
findings-none = No findings: the plan passes every check.

dialog-error-title = The file could not be used
dialog-error-plan-kept = The open plan has not been changed.
dialog-unsaved-title = Unsaved changes
dialog-unsaved-text = The plan has changes that are not saved. Save them first?
dialog-restore-title = Restore unsaved work?
dialog-restore-text = LAP Studio did not close normally last time. A working copy of { $file } was saved automatically. Restore it?
button-ok = OK
button-save = Save
button-dont-save = Don't save
button-cancel = Cancel
button-restore = Restore
button-discard = Discard
about-version = Version
about-text = LAP Studio helps a city write its Local Action Plan for the integration of migrants and the city's openness, the way the URBACT network OPEN Cities did it, check it against the URBACT checklist, and publish it.

select-item = Select an item in the list, or add one.
select-action-for-funding = Select an action to edit its funding.
list-add = Add
list-duplicate = Duplicate
list-delete = Delete
list-up = Move up
list-down = Move down
list-empty = The list is empty.
list-remove = Remove
list-add-link = Add a link…
list-add-line = Add a line
field-set = set
field-none = (none)

tab-members = Members
tab-meetings = Meetings
tab-results = Index and profile
tab-values = Values
tab-cities = Cities
tab-framework = Framework
view-list = List
view-timeline = Timeline

help-facts = Who writes the plan, for which city and period, and where it stands.
help-context = The situation in figures and words. Every figure needs a unit, a year and a source.
help-support-group = The URBACT Local Support Group: who takes part, from which sector, and what was decided at each meeting.
help-problems = The problem tree: each problem with its causes and effects, linked to the evidence that shows it.
help-objectives = One vision, strategic objectives tagged with an OPEN Cities theme, and specific (SMART) objectives under each.
help-actions = Every action is timed, has a responsible body, a cost, funding, indicators and a risk assessment.
help-strategy = Link actions to the goals of the city's marketing and internationalisation strategies, including attracting skilled migrants.
help-funding = Where the money for each action comes from. Funding lines must add up to the action's cost.
help-pilots = Candidate projects ready for an EU fund's call.
help-indicators = How progress is measured: unit, baseline with year and source, targets by year, who measures and how often.
help-risks = What could go wrong, how likely and how bad, and what is done about it.
help-governance = Who coordinates and implements the plan, how progress is reported, and when the plan is reviewed.
help-openness = Compare the city's openness with partner cities: raw values with year and source, direction and weight of each indicator.
help-review = What is still missing, review comments, and publishing the plan.
hint-funding-step = Funding lines are edited in the Funding step.

field-city = City
field-municipality = Municipality
field-country = Country
field-plan-title = Plan title
field-period-start = Period start
field-period-end = Period end
field-status = Status
field-version = Version
field-date = Date
field-authors = Authors
field-adoption-decision = Council decision
field-adoption-date = Date of adoption
field-languages = Languages
field-plan-language = Language of the plan
field-currency = Currency
field-summary = Summary
field-narrative = Narrative
field-label = What is measured
field-value = Value
field-unit = Unit
field-year = Year
field-source = Source
field-note = Note
field-organisation = Organisation
field-contact = Contact person
field-sector = Sector
field-role = Role
field-influence = Influence
field-interest = Interest
field-topic = Topic
field-place = Place
field-attendees = Attendees
field-decisions = Decisions
field-title = Title
field-description = Description
field-causes = Causes
field-effects = Effects
field-evidence = Evidence
field-vision = Vision
field-code = Code
field-theme = Theme
field-problems = Problems addressed
specific-objectives = Specific objectives
add-specific-objective = Add a specific objective
field-smart = What, how much, by when
field-indicators = Indicators
field-deadline = Deadline
field-objective = Strategic objective
field-specific-objective = Specific objective
field-lead = Lead organisation
field-partners = Partners
field-target-group = Target group
field-location = Location
field-start = Start
field-end = End
field-action-status = Action status
field-priority = Priority
field-cost = Cost
field-funded = Funded
field-outputs = Outputs
field-results = Results
field-risks = Risks
field-depends-on = Depends on
field-strategy-goals = Strategy goals served
field-strategy-title = Strategy
field-reference = Reference
field-skilled-migrants = About attracting skilled migrants
field-serving-actions = Actions that serve this goal
field-programme = Programme
field-call = Call
field-amount = Amount
field-co-financing = Co-financing rate
field-funding-status = Secured or potential
add-funding-line = Add a funding line
funding-summary = Cost { $cost }; secured { $secured }; potential { $potential }; unsecured { $unsecured }
field-fund = Fund
field-pilot-objective = Objective of the pilot
field-duration-months = Duration (months)
field-readiness = Readiness
field-linked-actions = Actions of the plan it implements
field-budget = Budget by cost category
field-cost-category = Cost category
add-budget-line = Add a budget line
total = Total
fund-share = Paid by the fund
field-target = Target
field-name = Name
field-level = Level
field-definition = Definition
field-frequency = Frequency
field-data-source = Data source
field-owner = Owner
field-baseline = Baseline
field-has-baseline = Has a baseline
field-baseline-value = Baseline value
field-baseline-year = Baseline year
field-baseline-source = Baseline source
field-targets = Targets by year
field-target-year = Year
field-target-value = Target value
add-target = Add a target
field-likelihood = Likelihood
field-impact = Impact
field-mitigation = Mitigation
field-threatened-actions = Actions it threatens
risk-score = Risk score (likelihood × impact)
risk-matrix = Risk matrix
field-coordinator = Coordinator
field-implementing-bodies = Implementing bodies
field-reporting-frequency = Reporting frequency
field-reporting-to = Reports to
field-monitoring = How monitoring works
field-review-points = Review points
field-month = Month
add-review-point = Add a review point
field-home-city = The plan's own city
field-area = Area
field-framework = Framework
field-weight = Weight
field-direction = Direction
field-indicator = Indicator
openness-indicators = Indicators of this area
add-openness-indicator = Add an indicator
add-value = Add a value
openness-index = Index
openness-no-data = Add cities, a framework and values to see the index.
openness-method = How the index is computed
openness-profile = Openness profile: score of each area for each city (how it is computed is below)
openness-sources = Year and source of each value
comments-title = Review comments
field-author = Author
field-about-section = About the step
field-about-item = About the item
field-comment = Comment
field-resolved = Resolved
replies = Replies
field-reply = Reply
add-reply = Add a reply
completeness-title = Completeness of each step
timeline-empty = No action has a start and an end month yet.
timeline-unscheduled = { $n ->
    [one] 1 action has no dates and is not shown.
   *[other] { $n } actions have no dates and are not shown.
}
total-cost = Total cost
secured = Secured
potential = Potential
thousands = thousands

# The PDF report
pdf-action = Action
pdf-action-details = Actions in detail
pdf-actions = Actions
pdf-adoption = Council decision
pdf-amount = Amount
pdf-annex-comments = Annex: review comments
pdf-annex-findings = Annex: open findings of the checks
pdf-area = Area
pdf-attendees = Attendees
pdf-authors = Authors
pdf-baseline = Baseline
pdf-budget = Budget
pdf-by-source = Funding by source
pdf-by-year = Cost by year
pdf-call = Call
pdf-causes = Causes
pdf-city = City
pdf-code = Code
pdf-contents = Contents
pdf-coordinator = Coordinator
pdf-cost = Cost
pdf-cost-category = Cost category
pdf-cover-kind = Local Action Plan · URBACT OPEN Cities
pdf-currency = Currency
pdf-date = Date
pdf-deadline = Deadline
pdf-depends-on = Depends on
pdf-description = Description
pdf-draft-watermark = DRAFT
pdf-duration = Duration
pdf-effects = Effects
pdf-empty = Nothing has been entered in this section yet.
pdf-eu-emblem-alt = European Union emblem
pdf-evidence = Evidence
pdf-finding = Finding
pdf-framework = Framework
pdf-frequency-owner = Frequency, owner, source
pdf-fund = Fund
pdf-fund-share = Paid by the fund
pdf-funding = Funding
pdf-funding-lines = Funding lines
pdf-implementing-bodies = Implementing bodies
pdf-index = Openness index
pdf-indicator = Indicator
pdf-indicators = Indicators
pdf-influence-interest = Influence / interest
pdf-languages = Languages
pdf-lead = Lead
pdf-level = Level
pdf-likelihood-impact = Likelihood / impact
pdf-link-contents = { $title }, page { $page }
pdf-linked-actions = Actions of the plan it implements
pdf-location = Location
pdf-meetings = Meetings
pdf-members = Members
pdf-method = How the index is computed
pdf-mitigation = Mitigation
pdf-month = Month
pdf-months = Months
pdf-months-unit = months
pdf-municipality = Municipality
pdf-note = Note
pdf-objective = Objective
pdf-open = open
pdf-organisation = Organisation
pdf-outputs = Outputs
pdf-overall = Overall index
pdf-owner = Owner
pdf-partners = Partners
pdf-period = Period
pdf-pilot-objective = Objective
pdf-place = Place
pdf-potential = Potential
pdf-priority = priority
pdf-profile = Openness profile against the comparison cities
pdf-programme = Programme
pdf-programme-call = Programme — call
pdf-raw-values = Values, years and sources
pdf-readiness = Readiness
pdf-reference = Reference
pdf-reporting = Reporting
pdf-resolved = resolved
pdf-results = Results
pdf-review-points = Review points
pdf-risk = Risk
pdf-risk-matrix = Risk matrix
pdf-risks = Risks
pdf-role = Role
pdf-sector = Sector
pdf-secured = Secured
pdf-secured-or-potential = Status
pdf-serving-actions = Actions that serve it
pdf-severity = Severity
pdf-skilled-migrants = attracting skilled migrants
pdf-source = Source
pdf-status = Status
pdf-subject = Local Action Plan for the integration of migrants and the city's openness
pdf-summary = Summary
pdf-target = Target
pdf-target-group = Target group
pdf-targets = Targets
pdf-theme = Theme
pdf-timeline = Timeline of actions
pdf-total = Total
pdf-total-cost = Total cost
pdf-unit = Unit
pdf-value = Value
pdf-version = Version
pdf-vision = Vision
pdf-where = Where
pdf-year = Year
pdf-year-source = Year and source
pdf-share-percent = Share, %
pdf-subtotal = Total for objective
pdf-no-objective = No objective
pdf-indicator-measurement = How the indicators are measured
pdf-baseline-year = Baseline year
pdf-baseline-source = Baseline source
pdf-page-of = Page { $page } of { $total }
export-done = PDF saved: { $file }
export-tables-done = Workbook saved: { $file }
export-running = Exporting PDF…
export-open = Open
export-lost = Some characters could not be shown by the PDF font and were replaced by "?": { $items }
export-pages = { $n ->
    [one] 1 page
   *[other] { $n } pages
}
export-options = PDF options
export-lang = Language of the labels
export-lang-plan = As the plan
export-paper = Paper
export-sections = Sections
pdf-fingerprint = Fingerprint (SHA-256): { $fingerprint }
csv-id = Id
csv-action-id = Action id
cmd-toggle-review = Review mode (read-only, comments only)
dialog-reviewer-title = Review mode
dialog-reviewer-text = Your name goes on the comments you add. It is asked once and remembered.
dialog-revision-title = Start a new revision
dialog-revision-text = The adopted version is kept in the plan's history with its fingerprint. The new revision will be version { $version }, a draft. Why is the plan being revised?
field-change-note = Change note
button-start-revision = Start a new revision…
banner-review = Review mode ({ $name }): the plan is read-only; add comments with "Add comment" on any item.
banner-adopted = This plan is adopted ({ $decision }) and is read-only. Changing it starts a new revision.
comments-on-item = { $n ->
    [0] No comments
    [one] 1 comment ({ $open } open)
   *[other] { $n } comments ({ $open } open)
}
add-comment = Add comment
open-comments = { $n ->
    [0] No open comments
    [one] 1 open comment
   *[other] { $n } open comments
}
go-to-item = Go to the item
cmd-compare = Compare with another version…
compare-title = Changes
compare-close = Close
compare-with = Compared with { $file }
compare-same = No differences.

# File dialogs
cmd-toggle-file-dialog = Use LAP Studio's own file dialog
fd-open = Open
fd-compare = Compare
fd-export = Export
fd-folder = Folder
fd-up = Up one folder
fd-go = Go
fd-recent-folders = Recent folders:
fd-reading = Reading the folder…
fd-empty = No plan files or folders here.
fd-file-name = File name
fd-replace = { $file } exists and will be replaced (the previous version is kept as a .bak file).
fd-is-folder = { $file } is a folder; choose a file in it.
fd-no-folder = The folder of { $file } does not exist.
fd-not-found = { $file } does not exist.
fd-native-unavailable = The system's file dialog could not be opened, so LAP Studio's own is used.
status-not-saved = Not saved: no file was chosen.
item-missing = (an item that no longer exists)
view-overview = Check and export
view-comments = Review comments ({ $n } open)
completeness-help = Completeness: the share of the fields the URBACT checklist asks for in this step that are filled. A step with errors is at most 99 % complete.
cmd-toggle-steps = Show or hide the steps
delete-confirm-title = Delete «{ $item }»?
delete-confirm-undo = Their links to it are removed too. Edit → Undo brings everything back.
delete-loses-link = { $n ->
    [one] 1 { $what } loses its link to it ({ $field })
   *[other] { $n } { $what } lose their link to it ({ $field })
}
delete-loses-comments = { $n ->
    [one] 1 review comment loses the item it is about
   *[other] { $n } review comments lose the item they are about
}
delete-the-plan = the plan
list-untitled = (untitled)
field-percent-range = { $value } is not a share: write a percentage from 0 to 100.
axis-openness-area = Area (numbered as below)
axis-openness-score = Score
risk-axis-likelihood = Likelihood →
risk-axis-impact = Impact →
dialog-read-only-title = The file is read-only
dialog-read-only-text = { $file } is marked read-only (perhaps an adopted version kept safe on purpose). Replace it anyway, save under another name, or cancel?
button-replace = Replace
status-not-saved-read-only = Not saved: the file is read-only.

## Headline figures of the budget (analysis::budget::Figure)
figure-cost = Total cost
figure-secured = Secured
figure-potential = Potential (applied for or planned)
figure-unsecured = Unsecured (cost − secured)
figure-uncovered = Not covered by any funding line

## The command line (src/cli.rs). $count, $errors… are numbers already written as the language
## writes them; $n, $ne… the same numbers for choosing the plural.
cli-new-plan = { $file }: new plan from template { $template }
cli-exists = { $file } already exists; choose another name or add --force
cli-unknown-template = no template named { $name }; there are: { $names }
cli-unknown-section = no section { $name }; there are: { $names }
cli-already-canonical = { $file }: already canonical
cli-not-canonical = { $file }: not canonical
cli-rewritten = { $file }: rewritten (previous version in { $backup })
cli-too-many-actions = --actions { $count } is more than { $max }, the most actions a plan file may have
cli-generated = { $file }: synthetic plan with { $count } actions
cli-pdf-written = { $file }: { $n ->
    [one] { $count } page
   *[other] { $count } pages
}
cli-font-lost = warning: { $item }: characters the PDF font cannot show were replaced by '?': { $chars }
cli-text-cut = warning: { $item }: text too long for its place in the PDF ({ $place }) was cut with '…'
cli-cannot-write = cannot write the output: { $error }
cli-check-totals = { $file }: { $ne ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $nw ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}, { $nh ->
    [one] { $hints } hint
   *[other] { $hints } hints
}; complete { $complete }
cli-summary-period = Period: { $period }; status: { $status }; version { $version }
cli-summary-contents = Contents: { $items }
cli-count-objectives = { $n ->
    [one] { $count } objective
   *[other] { $count } objectives
}
cli-count-actions = { $n ->
    [one] { $count } action
   *[other] { $count } actions
}
cli-count-pilots = { $n ->
    [one] { $count } pilot
   *[other] { $count } pilots
}
cli-count-indicators = { $n ->
    [one] { $count } indicator
   *[other] { $count } indicators
}
cli-count-risks = { $n ->
    [one] { $count } risk
   *[other] { $count } risks
}
cli-count-members = { $n ->
    [one] { $count } support group member
   *[other] { $count } support group members
}
cli-summary-index = Openness index (latest values, relative to the compared cities):
cli-summary-complete = Complete: { $complete }; errors / warnings / hints: { $errors } / { $warnings } / { $hints }
cli-diff-same = no differences
cli-diff-money = cost { $cost }; secured { $secured }; potential { $potential }

## The funding catalogue in the app (src/app/catalogue.rs)
field-catalogue = Programme and call (funding catalogue)
catalogue-none = — not in the catalogue (type programme and call) —
catalogue-closes = closes
catalogue-rules = Rules of this programme and call
catalogue-programme = Programme
catalogue-fund = Fund
catalogue-management = Management
catalogue-authority = Managing authority
catalogue-cci = Programme code (CCI)
catalogue-call = Call
catalogue-priority = Priority
catalogue-open-close = Open
catalogue-grant = Grant (min – max)
catalogue-duration = Longest project
catalogue-months = months
catalogue-consortium = Consortium
catalogue-min-partners = partners at least
catalogue-min-countries = countries at least
catalogue-max-rate = Max. co-financing
catalogue-eligible-until = Spending eligible until
catalogue-applicants = Who may apply
catalogue-unconfirmed = Not confirmed:
catalogue-source = Source
catalogue-sources = Sources:
catalogue-as-of = as of
field-lead-type = Kind of body of the lead (decides the funds it may apply to)
lead-type-taken = From the support group or the municipality:
field-countries = Countries of the applicants (ISO codes, e.g. BG)
field-region = Region (NUTS 2)
field-region-category = Category of the region (sets the maximum EU co-financing)

## Funding rules and sources in the reports (src/report/tables.rs)
pdf-rate-stated = Co-fin. %
pdf-rate-max = Max. %
pdf-call-rules = Rules of the call
pdf-calls = Programmes and calls, with their rules
pdf-sources = Sources
pdf-source-id = No.
pdf-source-ref = Source
pdf-source-supports = Supports
pdf-annex-sources = Annex: sources

## Spreadsheets (src/report/sheets.rs, xlsx.rs)
xlsx-actions = Actions
xlsx-funding = Funding lines
xlsx-indicators = Indicators
xlsx-openness = Openness values
xlsx-city = City
xlsx-area = Area
xlsx-indicator = Indicator
xlsx-year = Year
xlsx-value = Value
xlsx-source = Source

## The council document (issue 12): approval, foreword, glossary, logos, summary, charts
field-openness-method = Scoring method
field-foreword = Foreword (optional, by the mayor for instance)
field-foreword-by = Foreword signed by
field-logos = Cover logos (PNG or JPEG files, paths relative to the plan file)
field-eu-emblem = EU emblem (PNG or JPEG file; empty: no emblem)
field-signatories = Who signs the approval page
add-signatory = Add a signatory
field-glossary = Glossary: the plan's own abbreviations
help-glossary = Common abbreviations (ЕСФ+, ФУМИ, ЕФРР, ЕГИ…) are built in and listed when the plan uses them; add the plan's others here, or another expansion of a built-in one.
field-abbreviation = Abbreviation
field-expansion-bg = Meaning in Bulgarian
field-expansion-en = Meaning in English
add-glossary-entry = Add an abbreviation
export-consultation-copy = Consultation copy (adds open findings, review comments and internal ids)
pdf-exec-summary = Executive summary
pdf-key-figures = Key figures
pdf-share-of-cost = { $share } of the cost
pdf-funds-targeted = Funds targeted
pdf-actions-per-objective = Actions per strategic objective
pdf-strategic-objective = Strategic objective
pdf-actions-count = Actions
pdf-pilots-count = Pilot projects
pdf-openness-home = Openness index of { $city }
pdf-openness-rank = { $score } ({ $method }); place { $rank } of { $n } cities
pdf-approval = Approval
pdf-approval-text = The Local Action Plan is adopted by a decision of the municipal council.
pdf-council-decision = Council decision
pdf-decision-date = Date of the decision
pdf-not-adopted = to be filled in after the decision
pdf-signature = signature
pdf-foreword = Foreword
pdf-glossary = Abbreviations
pdf-abbreviation = Abbreviation
pdf-meaning = Meaning
pdf-annex-support-group = Annex: the Local Support Group
pdf-cofunded = Co-funded by the European Union
pdf-figure = Figure { $n }.
pdf-likelihood = Likelihood
pdf-impact = Impact
pdf-gantt-legend-continued = Objectives (continued)
pdf-average-line = group average = 100
pdf-fiche-period = Period
pdf-fiche-cost = Cost
pdf-fiche-funding = Funding
pdf-pilot-mismatch = Not reconciled with the plan's funding lines:
pdf-internal-id = Internal id
cli-image-missing = warning: the cover image { $file } could not be used (missing, not PNG or JPEG, or too large); the cover was made without it

## The plan's sources (context step)
field-sources = Sources of the plan's figures and facts
help-sources = Every figure and fact the plan relies on needs a public source a reader can open. The PDF prints this list as an annex.
field-source-title = Title of the document, table or page
field-publisher = Publisher
field-url = Web address
field-accessed = Consulted on
field-supports = Which figures or statements it supports
add-source = Add a source

## Openness values table: import and export
values-no-year = no year
values-import-unreadable = Cannot read { $file }: { $error }
values-import-too-large = the file is larger than { $max } MB
values-import-not-a-table = The file is not a table this program reads: { $error }
values-import-no-sheet = the workbook has no sheet
values-import-too-many-rows = The table has more than { $max } rows
values-import-empty = The table has no values: the first row names the columns (city, indicator, year, value, source), one value a row below it
values-import-no-column = Line { $line }: no column “{ $column }” (the first row names the columns: city, indicator, year, value, source)
values-import-no-city = Line { $line }: no city
values-import-unknown-city = Line { $line }: no compared city has the name or id “{ $city }”
values-import-ambiguous-city = Line { $line }: more than one city is called “{ $city }”; use its id
values-import-no-indicator = Line { $line }: no indicator
values-import-unknown-indicator = Line { $line }: no indicator of the framework has the name or id “{ $indicator }”
values-import-ambiguous-indicator = Line { $line }: more than one indicator is called “{ $indicator }”; use its id
values-import-bad-year = Line { $line }: “{ $year }” is not a year between 1900 and 2100
values-import-no-value = Line { $line }: no value
values-import-bad-value = Line { $line }: { $error }
values-import-duplicate = Line { $line }: a second value of { $indicator } for { $city } ({ $year }); the first is on line { $first }
values-imported = { $count ->
    [one] One value imported into { $file }
   *[other] { $count } values imported into { $file }
}
values-exported = The openness values written to { $file }
values-import-failed = Nothing was imported from { $file }:
cmd-export-values = Export openness values (CSV or xlsx)…
cmd-import-values = Import openness values (CSV or xlsx)…
fd-import = Import
values-import-locked = The plan cannot be changed now (it is adopted, or open for review): nothing was imported.
field-openness-definition = What the plan means by openness
field-openness-year = Profile of the year
openness-latest = Latest values
openness-trend = Trend: the overall index of each city, year by year
openness-trend-chart = Overall index per city and year
axis-year = Year
axis-openness-index = Index
field-values-year = Values of the year
field-values-other-year = Or another year
values-year-hint = The year the value is for; 0 for a value without a year
values-delete = Delete this value
pdf-definition = What the plan means by openness
pdf-trend = The openness index over the years
values-import-adopted = { $file } is an adopted plan: its figures change only in a new revision (start one in the app); nothing was imported
fd-filter-values = Tables (CSV, Excel)
fd-filter-pdf = PDF
fd-filter-progress = PDF or HTML
fd-filter-xlsx = Excel workbooks
fd-filter-plan = LAP Studio plans

## Comparing several cities' plans (lap-studio compare, the comparison view)
cmp-title = Comparison of local action plans
cmp-intro = { $n ->
    [one] { $count } plan compared: { $cities }. Openness scores { $method }.
   *[other] { $count } plans compared: { $cities }. Openness scores { $method }.
}
cmp-plans = Plans compared
cmp-plan = Plan
cmp-cost = Total cost
cmp-secured-share = Secured
cmp-profile = Openness profiles against the group average
cmp-average = Group average
cmp-each-own = Each plan brings its own city's values only (what a plan says of its partners is its estimate, not their figure); the first plan's city is drawn dark.
cmp-shared = { $n ->
    [0] No indicator is in every plan's framework, so no openness is compared.
    [one] Compared on the { $count } indicator every plan's framework has: { $ids }.
   *[other] Compared on the { $count } indicators every plan's framework has: { $ids }.
}
cmp-left-out-missing = Left out: { $id } ({ $name }) is not in the framework of { $cities }.
cmp-left-out-direction = Left out: { $id } ({ $name }): the plans do not agree whether more is better.
cmp-no-home = { $cities }: the plan marks no city of its own in its openness assessment, so it has no openness values here.
cmp-trend = Openness over the years
cmp-no-trend = The values compared have fewer than two years, so there is no trend.
cmp-themes = Objectives and actions by theme
cmp-theme = Theme
cmp-no-theme = Without an objective
cmp-budget = Budget by fund
cmp-fund = Fund and programme
cmp-total = Total funding
cmp-budget-note = Secured and potential money of every funding line, by fund and then by programme (the funding catalogue's name, or the plan's own words), in each plan's currency.
cmp-mixed-currencies = The plans count in different currencies, so their amounts are not comparable as they stand.
cli-compare-written = { $file }: comparison of { $n ->
    [one] { $count } plan
   *[other] { $count } plans
}
cli-compare-format = { $file }: the comparison is written as PDF (.pdf) or HTML (.html); say which by the file's name
cmd-compare-cities = Compare cities' plans…
fd-add-to-comparison = Add to the comparison
cmp-add = Add a plan…
cmp-remove = Remove
cmp-method = Method
cmp-add-hint = Add the plans of partner cities to compare them with this one.
cmp-transfers = Good practices from city to city
cmp-from-to = From (row) to (column)
cmp-transfer-list = Each action that adapts a good practice
cmp-practice = Good practice
cmp-from = From
cmp-to = To
cmp-action = Action
cmp-adapted = What is adapted
cmp-unknown-city = City not known
cmp-no-transfers = No action of these plans adapts a good practice.
cmp-transfers-note = Counted from each action that adapts a good practice: from the practice's city (as the plan's own practices or the shipped library give it) to the plan's city. A practice's city counts as a compared city when its name is that plan's city as the plan spells it; the same city spelt in another language is a row of its own.
## Good practices and their transfer (issue 14)
help-practices = Practices other cities have tried, each with its public sources: browse the library shipped with LAP Studio or the plan's own, filter by theme and city, and turn one into a draft action to adapt (URBACT's Understand–Adapt–Re-use).
help-exchanges = Study visits, transnational seminars, public debates, consultations and events: who took part, what was learned or said, and which actions it led to. A consultation's comments each get the plan's response.
practices-library = Library
practices-own = The plan's practices
practices-any = (any)
practices-theme = Theme
practices-city = City
practices-count = { $n ->
    [one] { $n } practice
   *[other] { $n } practices
}
practices-in-plan = The plan already holds this practice.
practice-to-action = Turn into a draft action
practice-adapted-by = Adapted by
field-practice-themes = Themes
field-period = When
field-practice-problem = Problem it answers
field-practice-evidence = Evidence of results
field-practice-cost = Cost
field-practice-contact = Contact
field-practice-sources = Sources
field-practice-organisation = Organisation to contact
field-practice-page = Its public page (http or https)
field-source-url = Web address
field-source-as-of = Date (as the source gives it)
field-adapts = Adapts the good practice
hint-practices-step = Practices come from the Good practices step: turn one into an action there, or add the plan's own.
field-uar-understood = Understand: what was understood of the practice
field-uar-adapted = Adapt: what is changed for this city
field-uar-why = Why it is changed
field-uar-reused = Re-use: what is taken over as it is
field-exchange-kind = Kind
field-organisers = Organisers
field-participants = Participants by sector
field-participants-total = Total
field-migrant-background-counted = Participants with a migrant background were counted
field-migrant-background = Of them with a migrant background
field-exchange-outcome = What was learned or said
field-led-to-actions = Actions it led to
field-exchange-note = Source of this record (or that it is illustrative)
field-consultation-comments = Comments and responses
hint-comments-consultation = Comments are kept for public consultations.
field-comment-from = From
field-comment-text = Comment
field-comment-response = The plan's response
add-consultation-comment = Add a comment
pdf-practices = Good practices
pdf-practice = Practice
pdf-practice-city = City
pdf-practice-themes = Themes
pdf-practice-evidence = Evidence of results
pdf-practice-cost = Cost
pdf-practice-adapted-by = Adapted by
pdf-not-found = not found in the sources
pdf-source-title = Source
pdf-source-url = Address
pdf-source-as-of = Date
pdf-transfer = Transfer: Understand, Adapt, Re-use
pdf-transfer-intro = For each action that adapts a practice: what was understood of it, what is adapted and why, and what is re-used as it is (URBACT's transfer method).
pdf-adapts = Adapts
pdf-uar-understood = Understood
pdf-uar-adapted = Adapted
pdf-uar-why = Why
pdf-uar-reused = Re-used as is
pdf-uar-missing = (still to be written)
pdf-practice-sources = Sources of the practices
pdf-exchanges = Exchange and participation
pdf-exchange = Title and place
pdf-exchange-kind = Kind
pdf-exchange-organisers = Organisers
pdf-exchange-participants = Participants
pdf-exchange-outcome = What was learned or said
pdf-exchange-migrant-background = with a migrant background
pdf-consultation-comments = Consultation comments and responses
pdf-comment-from = From
pdf-comment-text = Comment
pdf-comment-response = Response
pdf-comment-no-response = (no response yet)
check-adopted-without-consultation = The plan is adopted, but its exchange and participation register has no public consultation
check-comments-unanswered = Consultation { $name }: { $n ->
    [one] { $n } comment has
   *[other] { $n } comments have
} no response

## Network files (issue 14)
cli-network-exists = { $file } already exists; a new network file never replaces one
cli-network-written = Network file written to { $file }: { $cities ->
    [one] { $cities } city
   *[other] { $cities } cities
}, { $values ->
    [one] { $values } value
   *[other] { $values } values
}
cli-network-checked = { $file }: { $cities ->
    [one] { $cities } city
   *[other] { $cities } cities
}, { $values ->
    [one] { $values } value
   *[other] { $values } values
}, { $practices ->
    [one] { $practices } practice
   *[other] { $practices } practices
}; { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
cli-network-plan-not-linked = { $plan }: its openness framework was not taken from a network file
cli-network-plan-other = { $plan }: its openness framework comes from another network, not { $network }
cli-network-plan-current = { $plan }: up to date with { $network } { $version } ({ $date })
cli-network-plan-older = { $plan }: its copy of { $network } is version { $taken } ({ $taken_date }), older than the network's { $version } ({ $date }); run `lap-studio network import` to update it
cli-network-imported = { $plan } now has the framework and { $values ->
    [one] { $values } value
   *[other] { $values } values
} of { $network } { $version }
pdf-network = Framework agreed in the network
pdf-network-version = version
hint-network = Taken from the network's file; the app reads that file and says here when the network has a newer version (on the command line `lap-studio network check`); File › Take framework from network file… or `lap-studio network import` brings it in.
monitoring-rag-on-track = On track
monitoring-rag-at-risk = At risk
monitoring-rag-off-track = Off track
monitoring-rag-no-data = No data
monitoring-reason-no-path = the indicator has neither a baseline nor targets to judge a value against
monitoring-reason-no-actual = no round reports a value yet
monitoring-reason-indicator-ahead = { $actual } on { $date } against { $expected } expected by then: where it should be or ahead
monitoring-reason-indicator-behind = { $actual } on { $date } against { $expected } expected by then: { $shortfall } of the change planned by then is missing
monitoring-reason-no-schedule = no planned start and no progress reported
monitoring-reason-no-progress = due to start in { $start }, and no round reports on it
monitoring-reason-not-due = not due to start until { $start }
monitoring-reason-on-schedule = running on schedule, spend in step with the work done
monitoring-reason-completed = completed
monitoring-reason-finished-late = completed in { $actual }, planned for { $planned }
monitoring-reason-cancelled = cancelled, not judged
monitoring-reason-late-start = due to start in { $planned } and not started: { $months ->
    [one] one month late
   *[other] { $months } months late
}
monitoring-reason-late-end = due to end in { $planned } and not completed: { $months ->
    [one] one month overdue
   *[other] { $months } months overdue
}
monitoring-reason-milestone-overdue = milestone “{ $title }” was due in { $due } and is not reached
monitoring-reason-spend-ahead = { $spent } of the cost spent for { $done } of the work done
monitoring-reason-spend-above-cost = { $spent } spent, more than the cost of { $cost }
monitoring-reason-rollup = { $on } on track, { $risk } at risk, { $off } off track, { $none } without data
monitoring-method = Status as of { $date }. An indicator is judged by its latest value reported up to that date against the value expected on that date: the straight lines from the baseline through the targets, each year's value standing at the end of that year (before the first, the first; after the last, the last). More is better when the last target is above the baseline, less when below. How far a value falls short is measured as a share of the change planned from the baseline by then (without a baseline, of the expected value): up to { $tolerance } is on track, up to { $twice } at risk, more is off track; the tolerance is set in the plan. An action is judged by its latest report: not started after its planned start is at risk, a milestone past its due month is at risk, still running after its planned end is off track; spend more than { $tolerance } points ahead of the work done is at risk, more than { $twice } points or above the cost off track; an action due to have started with no report has no data. A specific objective gathers its indicators and actions, a strategic objective its specific objectives' indicators and its actions: off track when a third or more of those judged are off track, at risk when any is at risk or off track, on track when all are on track; items without data are counted and not judged.
check-monitoring-before-adoption = Monitoring round { $round } is dated before the plan was adopted ({ $adopted })
check-monitoring-actual-missing = Monitoring round { $round } has no value of indicator { $indicator }, which has a target in the period it covers
check-monitoring-spend-above-cost = Monitoring round { $round }: action { $action } has spent { $spent }, more than its cost of { $cost }
check-monitoring-end-before-start = Monitoring round { $round }: action { $action } ended ({ $end }) before it started ({ $start })
check-monitoring-done-not-completed = Monitoring round { $round }: action { $action } is 100 % done but its status is “{ $status }”
cli-summary-monitoring = Monitoring as of { $date } ({ $rounds ->
    [one] one round
   *[other] { $rounds } rounds
}): actions { $actions }; indicators { $indicators }; spent { $spent } ({ $share } of the cost), committed { $committed }
help-monitoring = Follow the plan through implementation: each monitoring round records the indicators' values and each action's progress and spend; the latest round is the current state, the earlier ones stay as history. An adopted plan stays locked: the rounds are not part of its content and do not change its fingerprint.
monitoring-round = Monitoring round
monitoring-no-rounds = No round yet
monitoring-no-rounds-help = Start a round to record what has been measured and done.
monitoring-start-round = Start a round
monitoring-period-start = Period from
monitoring-period-end = Period to
monitoring-note = Note
monitoring-indicators = Indicators: targets and values by year
monitoring-progress = Actions: progress and spend
monitoring-status = Status
monitoring-indicator = Indicator
monitoring-baseline = Baseline
monitoring-target-short = target
monitoring-actual = value
monitoring-report-action = Report on this action
monitoring-percent-done = Done
monitoring-actual-start = Actually started
monitoring-actual-end = Actually ended
monitoring-spent = Spent
monitoring-committed = Committed
monitoring-due = due
monitoring-narrative = What was done
monitoring-issues = Issues
field-milestones = Milestones
field-due = Due by
add-milestone = Add a milestone
field-milestone-title = Milestone
## The network file in the app
cmd-take-network = Take framework from network file…
fd-take-network = Take
fd-filter-network = Network files (.lapnet.ron)
network-take-locked = The plan cannot be changed now (it is adopted, or open for review): nothing was taken from the network file.
network-taken = Took the framework of { $network }, version { $version }, with { $n ->
    [one] { $count } value
   *[other] { $count } values
} from { $file }. Undo takes it back.
network-older = This plan's framework is { $network } version { $taken }; the network file { $file } has version { $current }.
network-take-again = Take the new version
network-unreadable = The network file this plan's framework came from cannot be read now ({ $file }): { $message }
cmp-add-network = Add a network file…
practices-network = The library of { $network }
practices-network-empty = The network file has no good practices.
values-import-how = { $file } has { $n ->
    [one] { $count } value
   *[other] { $count } values
}; the plan has { $values } of its own. Add the table's values to them (a value of the same city, indicator and year is replaced), or replace them all with the table?
values-import-add = Add to the plan's values
values-import-replace = Replace the plan's values
pdf-trend-caption = Openness over the years: the overall index of every compared city by year; the plan's own city is drawn dark with its values, each line is named at its end.

## The plan's charts: captions and text alternatives (PDF and HTML)
chart-caption-gantt = Timeline of the actions by month, grouped and shaded by strategic objective.
chart-caption-budget = Funding by source: secured (solid) and potential (hatched) money.
chart-caption-risks = Risk matrix: the risks by likelihood and impact; darker cells carry a higher score.
chart-caption-openness = Openness profile: each area's score for every compared city; the plan's own city is drawn dark with its value.
chart-alt-gantt = { $n ->
    [one] { $count } scheduled action
   *[other] { $count } scheduled actions
} under { $objectives ->
    [one] { $objectives_count } strategic objective
   *[other] { $objectives_count } strategic objectives
}, from { $from } to { $to }.
chart-alt-gantt-none = No action has dates.
chart-alt-gantt-longest = The longest, { $code }, runs { $n ->
    [one] { $count } month
   *[other] { $count } months
}.
chart-alt-budget = Total cost { $cost }; secured { $secured } ({ $share }), potential { $potential }, unsecured { $unsecured }.
chart-alt-budget-largest = The largest source is { $source } with { $amount }.
chart-alt-risks = { $n ->
    [one] { $count } risk
   *[other] { $count } risks
}: { $high } with a high score (15 or more), { $medium } with a raised score (10–14), the others lower.
chart-alt-risks-high = { $count } ({ $codes })
chart-alt-risks-no-high = none
chart-risk-code = R{ $n }
chart-no-home = No city is marked as the plan's own.
chart-alt-no-index = { $city }: no overall index yet.
chart-alt-trend-year = { $value } in { $year } (place { $rank } of { $count })
chart-alt-trend-one = { $city }: overall index { $first } ({ $method }).
chart-alt-trend = { $city }: overall index { $first } and { $last } ({ $method }).
chart-alt-openness = { $city }: overall index { $value } ({ $method }), place { $rank } of { $count }.
chart-alt-openness-areas = Strongest area: { $best } ({ $best_score }); weakest: { $worst } ({ $worst_score }).
chart-quarter = { $q ->
    [1] Q1
    [2] Q2
    [3] Q3
   *[4] Q4
}
chart-no-objective = No objective

## Import and export of indicator actuals (issue 15)
actuals-col-code = Indicator code
actuals-col-date = Date or year
actuals-import-empty = The table has no values: the first row names the columns (indicator code, date or year, value, source, note), one value a row below it
actuals-import-no-column = Line { $line }: no column “{ $column }” (the first row names the columns: indicator code, date or year, value, source, note)
actuals-import-no-code = Line { $line }: no indicator code
actuals-import-unknown-code = Line { $line }: no indicator of the plan has the code “{ $code }”
actuals-import-ambiguous-code = Line { $line }: more than one indicator has the code “{ $code }”; use its id
actuals-import-bad-date = Line { $line }: “{ $date }” is neither a year between 1900 and 2100 nor a date: { $error }
actuals-import-no-value = Line { $line }: no value (fill it in, or delete the row)
actuals-import-bad-value = Line { $line }: { $error }
actuals-import-duplicate = Line { $line }: a second value of { $code } for { $year }; the first is on line { $first }
actuals-no-round = { $file } has no monitoring round yet: start one with --new-round DATE
actuals-unknown-round = { $file } has no monitoring round “{ $round }”; its rounds: { $rounds }
actuals-bad-new-round = “{ $date }” is not a date for the new round: { $error }
actuals-imported = { $count ->
    [one] One value imported into round { $round } of { $file }
   *[other] { $count } values imported into round { $round } of { $file }
}
actuals-skipped = { $count ->
    [one] One bad row skipped:
   *[other] { $count } bad rows skipped:
}
actuals-import-refused = Nothing was imported from { $file }: { $count ->
    [one] one row is wrong
   *[other] { $count } rows are wrong
} (import the others with --skip-bad):
actuals-exported = The values of round { $round } written to { $file }, a row for each indicator to fill in
cmd-import-actuals = Import indicator values (CSV or xlsx)…
actuals-bad-rows-title = Some rows cannot be imported
actuals-bad-rows = { $file }: { $bad ->
    [one] one row is wrong
   *[other] { $bad } rows are wrong
}, { $good ->
    [one] one is right
   *[other] { $good } are right
}. Import the right ones into round { $round } and skip the wrong ones, or import nothing and correct the file.
actuals-skip-bad = Import the right rows, skip the wrong ones
actuals-import-locked = The monitoring rounds cannot be changed now (the plan is open for review): nothing was imported.

## Charts of the Monitoring step
monitoring-chart-indicator = Indicator on the chart
monitoring-chart-indicator-title = Target and values over the years
monitoring-chart-spend-title = Spend against budget over time
axis-year-end = Year (a year's value at its end)
axis-value-unit = Value ({ $unit })
axis-money = Amount ({ $currency })
chart-planned = Baseline and targets
chart-reported = Values reported
chart-no-data = No baseline, targets or values to draw yet.
chart-no-spend = No dated round reports spend yet.
chart-hover-baseline = Baseline { $year }: { $value }
chart-hover-target = Target for { $year }: { $value }
chart-hover-reported = { $date }: { $value } ({ $source }; round { $round })
chart-hover-spent = { $source }, { $date }: { $amount } spent to date of a budget of { $budget }
chart-spend-total = Spent to date { $spent } of a budget of { $budget } ({ $share })
chart-spend-how = Solid lines: spent to date at each round; dashed: the source's budget (the sum of its funding lines).
# The progress report to the council (issue 15).
progress-title = Progress report to the council
progress-title-of = Progress report: { $title }
progress-intro = Status as of { $date }, from monitoring round { $round } (period { $period }), compiled by { $name }.
progress-compared = Changes are counted against the previous round, { $round }.
progress-first-round = This is the first monitoring round: there is no earlier round to compare with.
progress-no-previous = Nothing to compare with yet: the next round's report lists what changed since this one.
progress-summary = Summary
progress-objectives = Objectives
progress-indicators = Indicators: targets and values reported
progress-slipped = Slipped and overdue actions
progress-next = Next steps
progress-method = Method
progress-counts = Status counts
progress-money = Money spent and committed against the budget
progress-changes = What changed since the previous round
progress-milestones = Milestones reached in this round
progress-moved = Actions whose status, progress or spend moved
progress-none-moved = No action's status, progress or spend changed since the previous round.
progress-indicators-moved = Indicators whose value or status moved
progress-none-indicators-moved = No indicator's value or status changed since the previous round.
progress-col-indicator = Indicator
progress-col-change = Change
progress-no-status-changes = No status changed since round { $round }.
progress-milestone-reached = { $action }: “{ $title }” reached on { $date }
progress-no-milestones = No milestone was reached for the first time in this round.
progress-not-reported = not reported
progress-col-what = What
progress-col-total = Total
progress-col-amount = Amount
progress-col-share = Share of the budget
progress-col-action = Action
progress-col-status = Status
progress-col-before = Previous round
progress-col-now = This round
progress-cell-done = { $value } done
progress-cell-spent = { $value } spent
progress-col-objective = Objective
progress-col-why = Why
progress-col-year = Year
progress-col-target = Target
progress-col-expected = Expected on the path
progress-col-reported = Reported
progress-col-source = Source
progress-col-narrative = What was done
progress-col-issues = Issues
progress-col-when = When
progress-col-due = What is due
progress-row-actions = Actions
progress-row-indicators = Indicators
progress-row-specific = Specific objectives
progress-row-strategic = Strategic objectives
progress-row-cost = Cost of the actions (the budget)
progress-row-spent = Spent
progress-row-committed = Committed, not yet paid
progress-row-used = Spent and committed
progress-row-left = Neither spent nor committed
progress-baseline-value = { $value } (baseline)
progress-status-line = Status: { $status } — { $what }.
progress-no-indicators = The plan has no indicators.
progress-chart-planned = Planned: baseline and targets
progress-chart-reported = Reported
progress-chart-caption = Planned path and values reported by year: { $name }.
progress-chart-alt = { $name }. Planned: { $expected }. Reported: { $values }. Status: { $status }.
progress-chart-alt-none = { $name }. Planned: { $expected }. No value reported yet. Status: { $status }.
progress-none-slipped = No action is at risk or off track.
progress-next-intro = Due in { $period } (the next period, as long as this round's), with what is overdue: milestones not yet reached, actions due to start and to end.
progress-none-next = Nothing falls due in the next period.
progress-step-milestone = Milestone “{ $title }” of { $action }
progress-step-milestone-overdue = Milestone “{ $title }” of { $action } (overdue)
progress-step-start = { $action } is due to start
progress-step-start-late = { $action } was due to start and has not
progress-step-end = { $action } is due to end
progress-tolerance = Tolerance: { $tolerance }, set in the plan. Within it a value or an action is on track; within twice it, at risk; beyond, off track.
cli-progress-format = { $file }: the progress report is written as PDF (.pdf) or HTML (.html); say which by the file's name
cli-progress-no-rounds = { $file } has no monitoring rounds: a progress report needs at least one (start one in the app's Monitoring step)
cli-progress-unknown-round = { $file } has no monitoring round “{ $round }”; its rounds are: { $names }
cli-progress-written = { $file }: progress report for round { $round }
cli-progress-written-pdf = { $file }: progress report for round { $round }, { $n ->
    [one] { $count } page
   *[other] { $count } pages
}
progress-no-rounds-app = The plan has no monitoring round yet, so there is no progress to report. Start a round in the Monitoring step first.
progress-exporting = Writing the progress report…
progress-exported = Progress report saved: { $file }

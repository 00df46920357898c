# OnceFill English messages. Every message must have a counterpart of the same id in zh-CN.ftl.
app-title = OnceFill
app-subtitle = Enter your details once, reuse them on every department's form

## Validation: resident ID number
id-empty = Please enter the resident ID number.
id-length = A resident ID number has 18 characters (old cards 15); you entered { $found }. Please check it against the card.
id-character = Character { $position }, "{ $found }", cannot appear in an ID number: the first 17 are digits, the last is a digit or X.
id-date = The birth date in the number, "{ $digits }", is not a real date. Please check characters 7 to 14.
id-future-date = The birth date in the number, { $date }, is after today. Please check characters 7 to 14.
id-too-early = The birth year in the number, { $year }, is too early. Please check characters 7 to 10.
id-check-digit = The last character should be "{ $expected }" but is "{ $found }". Most likely one character is mistyped; please compare each one with the card.

## Validation: other
required = Please fill this in.
name-length = A name has at most { $max } characters; you entered { $found }.
name-character = A name cannot contain "{ $found }". For the dot in minority or foreign names use "·".
name-mixed = Please write the name entirely in Chinese characters or entirely in Latin letters.
mobile-format = A mobile number is 11 digits starting with 1 (+86 allowed). Please check it.
date-format = Please write the date as year-month-day, e.g. 1990-03-07.
date-future = The date cannot be after today.
birth-mismatch = The birth date does not match the ID number, which says { $expected }.
sex-mismatch = The sex does not match the ID number, whose 17th digit says "{ $expected }".
ethnicity-unknown = "{ $found }" is not an ethnic group in the list; please choose one.
address-short = The address is too short: give the province, city, county and the street and number.
address-province = Start the address with the province, autonomous region or municipality, e.g. "北京市".

## Profile elements
key-person-name = Full name
key-person-sex = Sex
key-person-birth-date = Date of birth
key-person-ethnicity = Ethnic group
key-person-id-number = Resident ID number
key-person-hukou-address = Registered address (as on the ID card)
key-contact-mobile = Mobile number
key-meta-fill-date = Date of filling
sex-male = Male
sex-female = Female
choose = Choose

## Reasons
reason-autocomplete = the page marks it { $detail }
reason-label = label "{ $detail }"
reason-name = field name { $detail }
reason-placeholder = hint text "{ $detail }"
reason-options = its options ({ $detail })
reason-mapping = known form mapping
reason-context = inferred from context

## Why a field is left alone
skip-hidden = hidden field, not filled
skip-readonly = read-only field, not filled
skip-disabled = disabled field, not filled
skip-type = fields of this kind ({ $detail }) are never filled automatically
skip-captcha = a verification code must be typed by you
skip-unrecognised = not recognised; please fill it yourself
skip-ambiguous = this field could be any of "{ $detail }"; left empty rather than risk a wrong value
skip-other-party = this field is about someone else ({ $detail }); your details are not used
skip-duplicate = { $count } fields on this form look like "{ $detail }"; none is filled because it is unclear which one is meant
skip-not-held = the page marks it { $detail }, which your profile does not hold
skip-not-in-profile = your profile has no "{ $detail }" yet
skip-no-option = none of the options matches your profile ({ $detail })
skip-too-long = the value is longer than the { $max } characters this field allows; left empty rather than cut short

## Interface
launcher = Fill form
launcher-hint = Fill this page's form with your details
close = Close
lang-switch = 中文
memory-only = Your details stay in this page's memory only and are never uploaded; they are cleared when you close or reload the page.
editor-title = My details
editor-intro = Check your details. Entered once, they serve every department's form.
load-demo = Load demo details
clear-profile = Clear details
to-review = Next: check this page's form
review-title = Check what will be filled
review-intro = Check each item. Unticked items are not filled.
review-none = No field on this page can be filled from your details.
review-field = Form field
review-value = Value
review-reason = Recognised by
review-overwrite = This field already has content; tick to replace it
review-skipped = These fields will not be filled
reveal = Show
conceal = Hide
back-to-editor = Back to my details
fill-selected = Fill the { $count } selected items
fill-done = { $filled } items filled. Please check the form before you submit it.
fill-some-failed = { $count } items could not be filled; please fill them by hand:
outcome-filled = filled
outcome-unchanged = already had this value
outcome-nonempty = had content, not replaced
outcome-missing = the field is no longer on the page
outcome-not-fillable = the field can no longer be filled
outcome-rejected = the page did not accept the value
errors-remain = { $count } entries need correcting; see the red notes.
derived-from-id = Filled in from the resident ID number

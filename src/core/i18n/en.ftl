# OnceFill English messages. Every message must have a counterpart of the same id in zh-CN.ftl.
app-title = OnceFill
app-subtitle = Enter your details once, reuse them on every department's form

## Validation: resident ID number
id-empty = Please enter the resident ID number.
id-length = A resident ID number has 18 characters (old cards 15); you entered { $found }. Please check it against the card.
id-character = Character { $position }, "{ $found }", cannot appear in an ID number: the first 17 are digits, the last is a digit or X.
id-date = The birth date in the number is not a real date. Please check characters 7 to 14.
id-future-date = The birth date in the number is after today. Please check characters 7 to 14.
id-too-early = The birth year in the number is too early. Please check characters 7 to 10.
id-check-digit = The last character should be "{ $expected }" but is "{ $found }". Most likely one character is mistyped; please compare each one with the card.

## Validation: other
required = Please fill this in.
name-length = A name has at most { $max } characters; you entered { $found }.
name-character = A name cannot contain "{ $found }". For the dot in minority or foreign names use "·".
name-mixed = Please write the name entirely in Chinese characters or entirely in Latin letters.
mobile-format = A mobile number is 11 digits starting with 1 (+86 allowed). Please check it.
mobile-prefix = No mobile number starts like this. Please check it was copied right.
date-format = Please write the date as year-month-day, e.g. 1990-03-07.
date-future = The date cannot be after today.
birth-mismatch = The birth date does not match the ID number; please compare it with characters 7 to 14 of the number on the card.
sex-mismatch = The sex does not match the ID number, whose 17th digit is odd for men and even for women; please check both against the card.
ethnicity-unknown = That is not an ethnic group in the list; please choose one.
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
skip-whose-unknown = this field is in "{ $detail }" on a form about several people, and nothing says whose it is; left empty rather than risk filling in the wrong person
skip-duplicate = { $count } fields on this form look like "{ $detail }"; none is filled because it is unclear which one is meant
skip-not-held = the page marks it { $detail }, which your profile does not hold
skip-not-in-profile = your profile has no "{ $detail }" yet
skip-no-option = none of the options matches your profile ({ $detail })
skip-too-long = the value is longer than the { $max } characters this field allows; left empty rather than cut short
skip-concealed = the page hid this field ({ $detail }); not filled
hidden-opacity = it is transparent and cannot be seen
hidden-tiny = it is too small to see, or its text too small to read
hidden-offscreen = it is placed outside the visible page
hidden-clipped = it is cut away, with next to nothing showing
hidden-same-colour = its text is the colour of its background
hidden-covered = something else lies over it
hidden-frame = it is in a frame that cannot be seen
review-hidden = The page hid these fields. A field you cannot see is never filled and cannot be ticked:

## Interface
launcher = Fill form
launcher-hint = Fill this page's form with your details
close = Close
lang-switch = 中文
memory-only = Your details are in this page's memory only, cleared when you close or reload it, and never uploaded. Set a passphrase to keep them encrypted on this device.
memory-kept = Kept ({ $time }).
memory-chosen = You chose to use this page only for now: nothing is saved on this device, and your details are gone when you close or reload the page. To use them next time, set a passphrase and keep them encrypted.
memory-choice = Use on this page only (not kept after closing)
memory-choice-explain = No passphrase: your details stay in this page only and are gone when you close or reload it; next time you type them again.
editor-title = My details
editor-intro = Check your details. Entered once, they serve every department's form.
load-demo = Load demo details
clear-profile = Clear details
to-review = Next: check this page's form
elder-switch = Large text
elder-hint = Large text and buttons, one item at a time
review-step = Item { $n } of { $total }
review-step-intro = Is this item right? Ticked: it is filled. Unticked: it is not.
review-prev = Previous
review-next = Next
review-summary = All items checked
review-summary-count = { $count } of { $total } items are ticked and will be filled:
review-summary-skip = (not filled)
review-title = Check what will be filled
review-later = Its choices appear once the field before is chosen; it is chosen then.
back-to-review = Back to the list
review-intro = Check each item. Unticked items are not filled.
review-none = No field on this page can be filled from your details.
no-form-title = This page has no form
no-form = OnceFill fills the forms on web pages. Open the page of the form you need, then press “一键填表”. Or try it on a sample form first.
no-form-sample = Open a sample form: residents' pension registration
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
outcome-changed = the page changed this field after you checked it; not filled, to avoid a wrong fill
outcome-hidden = the page hid this field; not filled
outcome-no-choice = the choice did not appear; please choose it yourself
errors-remain = { $count } entries need correcting; see the red notes.
derived-from-id = Filled in from the resident ID number

## Profile editing
sex-unknown = Please choose male or female.
text-too-long = Too long: at most { $max } characters; you entered { $found }.
sec-basic = Basic details
sec-contact = Contact
sec-address = Registered and current address
sec-id-document = Identity document
sec-personal = Marital status, education and work
sec-accounts = Social security and accounts
sec-family = Family
sec-documents = Other documents
sec-firm-basic = Firm details
sec-firm-address = Registered and operating address
sec-firm-more = Business scope and more
rel-self = Me
rel-spouse = Spouse
rel-child = Child
rel-father = Father
rel-mother = Mother
rel-other = Other person
role-legal-rep = Legal representative
role-finance-officer = Finance officer
role-liaison = Liaison
role-shareholder = Shareholder
role-director = Director
role-supervisor = Supervisor
role-manager = Manager
unnamed = (no name yet)
unnamed-firm = (no firm name yet)
minor = minor
minor-hint = A minor's data is sensitive personal information; a guardian must agree before it is filled in
records = Records
household = Household
add-person = Add a household member or other person:
firms = Firms
add-firm = + Add a firm
agents = Agents and mandates
agents-intro = Who may act for you or your firm, for what and until when.
agent-person = Agent:
agent-principal = On behalf of:
add-agent = + Add a mandate
completeness = Completeness
remove-record = Delete this record
remove-confirm = Delete it? This person's roles in firms and mandates are deleted with it.
remove = Delete
cancel = Cancel
roles = People in the firm
roles-intro = Enter each person once; one person can hold several roles.
add-role = Add a role:
save = Save details
search = Search
filled-of = { $filled } of { $total } filled
complete = The common details are complete.
missing = Still empty:
go-fill = Fill in

## Validation: more
uscc-empty = Please enter the unified social credit code.
uscc-length = A unified social credit code has 18 characters; you entered { $found }. Please check it against the business licence. An old 15-digit registration number belongs in the registration-number field.
uscc-forbidden-letter = Character { $position } is the letter "{ $found }", but the letters I, O, Z, S and V never appear in a unified social credit code; it is probably a digit such as 1, 0, 2 or 5. Please check it against the business licence.
uscc-character = Character { $position }, "{ $found }", cannot appear in a unified social credit code, which has only digits and capital letters.
uscc-division = Character { $position }, "{ $found }", should be a digit: characters 3 to 8 are the division code of the registration authority.
uscc-check-character = Computed from the first 17 characters, the last one should be "{ $expected }" but is "{ $found }". A few codes issued early on genuinely fail this check, so compare each character with the business licence; if they match, keep the code as it is.
uscc-org-code-check = The check character of the organisation code in characters 9 to 17 should be "{ $expected }" but is "{ $found }". Please compare each character with the business licence; if they match, keep the code as it is.
regno-empty = Please enter the registration number.
regno-length = A registration number has 15 digits; you entered { $found }. If the business licence has been reissued, enter the 18-character unified social credit code instead.
regno-character = Character { $position }, "{ $found }", is not a digit; a registration number has digits only.
regno-check-digit = Computed from the first 14 digits, the last digit should be "{ $expected }" but is "{ $found }". Please compare each digit with the business licence; if they match, keep the number as it is.
bank-card-empty = Please enter the bank card number.
bank-card-character = Character { $position }, "{ $found }", is not a digit; a card number has digits only.
bank-card-length = A bank card number has 12 to 19 digits; you entered { $found }. Please check it against the card.
bank-card-luhn = This card number fails its check: most likely a digit is mistyped or two neighbours are swapped. Please check it against the card again.
landline-format = Write a landline as area code and number, e.g. 0571-88881234, with any extension after it, e.g. 0571-88881234-123.
landline-area-code = Please put the area code in front of the number, e.g. 0571-88881234.
email-format = Write the e-mail address as name@domain, e.g. zhangsan@example.com.
email-character = { $kind ->
    [space] An e-mail address cannot contain spaces; please remove them.
   *[other] An e-mail address cannot contain "{ $found }"; please use half-width Latin characters.
}
email-domain = The domain after "@" is incomplete; it needs a dot, as in example.com.
email-length = An e-mail address has at most { $max } characters; you entered { $found }.
postcode-format = A postcode has 6 digits, e.g. 310012.
property-unit-length = A real-property unit number has 28 characters; you entered { $found }. Please check it against the property certificate.
property-unit-digit = Character { $position } of the real-property unit number should be a digit but is "{ $found }". The number is: a 6-digit division code, 6 digits of cadastral district and sub-district, a parcel code of 2 letters and 5 digits, and a fixture code of 1 letter and 8 digits.
property-unit-letter = Character { $position } of the real-property unit number should be a capital letter but is "{ $found }". The number is: a 6-digit division code, 6 digits of cadastral district and sub-district, a parcel code of 2 letters and 5 digits, and a fixture code of 1 letter and 8 digits.
property-unit-division = The first six digits of the real-property unit number are not a division code. Please check them against the property certificate.
plate-province = A plate number starts with the abbreviation of a province, such as "京" or "粤"; "{ $found }" is not one.
plate-authority = After the abbreviation comes the issuing authority's code, one capital letter; you entered "{ $found }".
plate-letter-io = Plates do not use the letter "{ $found }" (I and O look like 1 and 0); is it a digit?
plate-format = A plate number is the abbreviation, the authority's letter and 5 letters or digits (6 on new-energy vehicles), e.g. 京A12345 or 粤BD12345.
plate-new-energy = A 6-character serial belongs to a new-energy plate, whose first or last character is D or F. Please check it.
latin-name-character = A name in Latin letters may contain only letters, spaces, hyphens "-" and apostrophes "'", not "{ $found }".
latin-name-format = A name in Latin letters starts and ends with a letter and has no two spaces, hyphens or apostrophes in a row, e.g. ZHANG XIAOMING.
latin-name-length = A name in Latin letters has at most { $max } characters; you entered { $found }.
valid-to-format = Enter the expiry date, e.g. 2036-03-07, or "长期" if the document does not expire.
amount-format = Enter the amount as a number, e.g. 10 or 10.5; commas between thousands are fine.
amount-not-positive = The amount must be greater than zero.
amount-precision = The amount can have at most { $max } decimal places (down to one fen).
amount-unit = { $unit ->
    [wan] This field is in units of 10,000 yuan (万元); convert the amount and enter only the number, without "{ $found }".
   *[yuan] This field is in yuan (元); convert the amount and enter only the number, without "{ $found }".
}
amount-too-large = The amount is too large; please check the unit and the number of digits.

## Addresses and code tables
address-province-missing = Choose the province, autonomous region or municipality; the address must start with it.
address-code-unknown = There is no { $field ->
    [province] province-level
    [city] prefecture-level
   *[county] county-level
} division with the code chosen; please choose again from the list.
address-code-retired = The { $field ->
    [province] province-level
    [city] prefecture-level
   *[county] county-level
} division chosen has been abolished or renumbered; please choose the current division.
address-code-level = The code chosen as the { $field ->
    [province] province-level
    [city] prefecture-level
   *[county] county-level
} division is not one of that level; please choose again.
address-outside = The { $inner ->
    [city] prefecture-level
   *[county] county-level
} division chosen is not part of the { $outer ->
    [province] province-level
   *[city] prefecture-level
} division chosen; please check the divisions you chose.
address-parse-province = The address does not start with a province, autonomous region or municipality we recognise; please add it, e.g. "浙江省".
address-parse-inferred = The address did not name a division above the ones written; it was added from the division below it. Please check the part added.
address-parse-ambiguous = A place name in the address could be { $count } different divisions; write the full name or name the division above it.
address-parse-unplaced = Part of the address could not be placed; it was kept as it is in the detailed address. Please check.

## Validation: more
addr-province = Province
addr-city = City
addr-county = County
addr-hint = Choose province, city and county, then write street, number and room
code-unknown = That is not one of the choices; please pick one from the list.
account-format = An account number has 6 to 32 digits; please check it against the passbook or account papers.
count-format = Please enter a whole number, e.g. 12.
id-address-code = The first six digits are in no current or past division list; please check them against the document (some old documents are like this; it can be saved).

## Encrypted storage
profile-not-json = Not a profile file: the JSON is broken at line { $line }, column { $column }.
profile-no-version = Not a profile file: it has no "version".
profile-bad-version = The profile's "version" is not a format this program reads.
profile-invalid = The profile is damaged: member { $path } { $fault ->
    [choice] holds a value that is not one of its choices
    [type] holds the wrong kind of value (e.g. a number where text belongs)
    [value] holds a value it does not accept
    [length] has the wrong number of items
    [missing] lacks something it must have
    [unknown] is not allowed there
    [duplicate] appears twice
   *[other] cannot be read
}. Export it again from OnceFill, or correct that member.
profile-invalid-somewhere = The profile is damaged: a member { $fault ->
    [choice] holds a value that is not one of its choices
    [type] holds the wrong kind of value (e.g. a number where text belongs)
    [value] holds a value it does not accept
    [length] has the wrong number of items
    [missing] lacks something it must have
    [unknown] is not allowed where it is
    [duplicate] appears twice
   *[other] cannot be read
}. Export it again from OnceFill; the command line (oncefill backup open) names the member.
vault-malformed = This is not an OnceFill file, or it is damaged ({ $detail }). Your existing data is unchanged.
vault-version = This file comes from a newer version of OnceFill (format { $version }); please update OnceFill to open it.
vault-wrong-passphrase = Wrong passphrase (or a damaged file). Your existing data is unchanged.
unlock-wrong-passphrase = Wrong passphrase. Please type it again.
vault-tampered = The passphrase is right, but the file was changed or damaged and cannot be opened. Your existing data is unchanged.
vault-too-costly = This file asks for a key derivation ({ $mib } MiB, { $passes } passes, { $lanes } lanes) costlier than OnceFill allows ({ $max_mib } MiB, { $max_passes } passes, { $max_lanes } lanes), so it was not tried, to protect this device. It was not made by OnceFill, or it was changed. Your existing data is unchanged.
vault-not-a-profile = The file opens, but holds no profile: { $detail }
vault-randomness = The browser gave no secure random numbers, so nothing can be encrypted. Please use a newer browser.
vault-kdf = The key could not be made from the passphrase. Please try again.
pass-hint-length = Longer is safer: use at least 12 characters — a sentence you remember works well.
pass-hint-mix = Mix letters, digits and symbols, or use Chinese characters.
pass-hint-repeat = Do not repeat one character.
pass-hint-sequence = Do not use runs like abcd or 1234.
pass-hint-date = Do not use a birthday or other date.
pass-hint-common = This is one of the commonest passwords and is easily guessed.
pass-hint-keyboard = Do not use keys next to each other on the keyboard (like qwerty or asdf).
pass-hint-similar = This is close to a common password; small changes are still easy to guess.
pass-hint-word = A single word is easy to guess; use several.
pass-hint-name = A name (in pinyin too) with a birthday or year is easy to guess.
pass-hint-case = Changing capital letters does not help much.
pass-hint-reversed = A word written backwards is not much harder to guess.
pass-hint-substitution = Replacing a with @ or o with 0 does not help much.
storage-unavailable = This browser does not let OnceFill keep data on this device (private mode or blocked storage). Your details stay in this page's memory and are cleared when it closes.
storage-quota = The device's storage is full, so this save did not go through; the copy saved before is intact. Free some browser storage and try again.
storage-failed = This save did not go through; the copy saved before is intact. Please try again later.
fell-back = The newest saved copy was damaged; the copy saved before it was opened. Please check your latest changes.
save-clash = Another page has just saved the profile, and some of its changes differ from yours on this page. Your changes here are not saved yet; what the other page saved is intact. Please choose which one to keep.
clash-status = this page's changes are not saved yet
clash-keep-mine = Save this page's version
clash-take-theirs = Use the other page's version
persist-refused = The browser did not agree to keep the data on this device for good: it may clear it when the disk runs short. We suggest exporting an encrypted backup now.
persist-backup = Export a backup
persist-dismiss = Got it
export-failed = The backup file could not be made; please try again.
exported = The backup file is ready. Keep it somewhere safe; it opens only with your passphrase.
import-read-failed = The chosen file could not be read.
erased = Everything OnceFill kept on this device has been deleted.
erase-blocked = OnceFill is open in another tab; close it first, then delete.
saving = Saving…
saved-at = last saved at { $time }
vault-on = Your details are encrypted on this device
lock-now = Lock now
vault-settings = Saving and backup
vault-setup = Set a passphrase and keep them encrypted on this device
backup-import = Import from a backup file
unlock-title = Unlock with your passphrase
unlock-intro = Your details are kept encrypted on this device. Enter your passphrase to see and use them.
passphrase = Passphrase
unlock-wait = A wrong passphrase { $count } times in a row; try again in { $seconds } seconds.
unlocking = Unlocking, please wait…
forgot = Forgot the passphrase?
unlock = Unlock
change-pass-title = Change the passphrase
setup-title = Set a passphrase
setup-intro = Your details are encrypted with this passphrase and kept on this device, never uploaded. You enter it each time before use.
current-passphrase = Current passphrase
new-passphrase = New passphrase
repeat-passphrase = New passphrase again
pass-0 = Strength: too weak
pass-1 = Strength: weak
pass-2 = Strength: fair (not enough yet)
pass-3 = Strength: good
pass-4 = Strength: strong
pass-mismatch = The two passphrases differ.
pass-too-weak = This passphrase is too easy to guess; please follow the hints.
pass-check-loading = The full strength check is loading; a simpler check judges meanwhile.
pass-check-offline = The full strength check could not be loaded (offline?); a simpler, less strict check judges instead.
no-recovery = Remember it: without the passphrase nobody, OnceFill included, can recover your details; they can only be deleted and entered again.
create-vault = Encrypt and save
change-pass = Change the passphrase
auto-lock = Lock after this long without use
minutes = { $n } minutes
export = Export an encrypted backup
import = Import from a backup file
erase-title = Delete everything on this device
erase-intro = Deletes all details and copies OnceFill keeps in this browser. This cannot be undone.
erase-confirm = Delete everything? It cannot be recovered.
erase-yes = Yes, delete everything
erase = Delete everything
back = Back
import-passphrase = The backup file's passphrase
import-open = Open the backup
import-summary = Importing adds { $added } and changes { $changed } details, with { $records } new people or firms.
change-added = added
change-changed = changed
merge-explain = "Merge" keeps what is on this device and adds and updates from the backup; replaced values stay in their history.
replace-explain = "Replace" swaps everything on this device for the backup's content ({ $persons } people, { $firms } firms).
import-replace = Replace
import-merge = Merge
skip-declined = you chose not to fill this field last time
learn-label = This field takes:
learn-none = do not fill
learn-unknown = none of my details
learned-note = Remembered: this form will be filled this way next time.
export-mappings = Export learned form mappings
mappings-none = No field has been corrected in review yet.
correct = Recognised wrongly?
exported-mappings = The form mappings were exported (field names and dictionary keys only, no personal data).
missing-title = This form also needs
missing-intro = Your profile does not have these yet. What you type is checked, saved to your profile, and reused on every form.
missing-save = Save to my details and check again
missing-required = Required by this form
check-on = ☑ ticked
check-off = ☐ left unticked

## Form mappings
mapping-json = not valid JSON: { $detail }
mapping-missing = missing member "{ $member }"
mapping-unknown-member = the format has no member "{ $member }"
mapping-type-string = expected a string
mapping-type-array = expected an array
mapping-type-object = expected an object
mapping-type-boolean = expected true or false
mapping-type-key = expected a dictionary key (a string) or null
mapping-empty = must not be empty
mapping-version = unsupported version { $found }; only 1 is supported
mapping-unknown-key = unknown key "{ $key }"
mapping-unknown-key-suggest = unknown key "{ $key }" (did you mean "{ $suggestion }"?)
mapping-unknown-role = unknown role "{ $role }" (known: { $known }; number repeated person blocks, e.g. shareholder[0])
mapping-unknown-transform = unknown transform kind "{ $kind }" (known: { $known })
mapping-locator-kind = a locator needs exactly one of css, name, id, label
mapping-nth = nth must be a whole number from 1
mapping-duplicate-locator = the same locator as { $first }
mapping-no-fields = no field is mapped
mapping-no-match-rule = the page match needs at least one of url, title, fields
mapping-not-one-of = "{ $found }" is not one of: { $expected }
mapping-bad-value = this value cannot be used here

## Transforms
tf-date-invalid = This is not a valid date, so it cannot be written in the form's format
tf-date-format = The date format "{ $format }" is not understood (use YYYY, MM, M, DD, D)
tf-code-unknown = This is not in the code table "{ $table }", so it cannot be turned into the form's code
tf-code-domain = This kind of system ({ $domain }) has no code for this document type
tf-code-domain-needed = A document-type code needs the system named (realty, health or tax)
tf-code-letters = This code table has no letter codes
tf-address-invalid = No province, city or county could be recognised in this address, so it cannot be split or rewritten
tf-address-part = The address has no "{ $part }" part
tf-name-invalid = This name cannot be split into surname and given name
tf-pinyin-none = A character of the name has no known pinyin; please type the pinyin yourself
tf-phone-invalid = This is not a recognisable phone number
tf-phone-extension = A number with an extension cannot be written in international form (+86)
tf-amount-invalid = This is not a valid amount, so it cannot be converted
tf-choice-none = This matches none of the form's options
tf-key-unknown = The dictionary has no element "{ $key }"
tf-key-missing = The profile does not hold "{ $key }" yet, so the parts cannot be joined
tf-condition-false = The condition does not hold, so this field is left empty
skip-role-lacks = the { $role } has no "{ $detail }" in your profile
skip-undecided = this field belongs to the { $role }; who that is cannot be told from your profile
skip-country-unknown = the page asks for the country of your address; only a mainland resident ID shows it is China, and your profile has none, so it is left empty
role-nth = { $role } (no. { $n })
skip-not-mapped = this form's mapping does not list this field; left alone
skip-transform = the value cannot be written in the format this form asks for ({ $detail })
bundle-progress = { $done } of { $total } forms done
bundle-current =  (this one)
bundle-needs = The forms of this event also need the following; enter them once:
bundle-nobody = Not in your details yet: { $roles }. Add them under My details first.
scan-too-large = This page is larger than { $limit } MB: only its first { $limit } MB were read, and fields after that were not recognised.
scan-too-many-fields = This page has { $found } fields, more than the limit of { $limit }: only the first { $limit } were recognised.
scan-too-deep = This page nests elements more than { $limit } levels deep: deeper content was not read, and fields in it may not have been recognised.
description-shape = The form's description is not in the expected format (line { $line }, column { $column }); nothing was read from it.
description-version = The form's description is not of version { $version }; this OnceFill cannot read it.
description-too-large = The form's description is over the limit ({ $what }: at most { $limit }); nothing was read from it.
description-node = Element { $node } of the form's description breaks the rule "{ $rule }"; nothing was read from it.
protocol-refused = A message from the portal page was ignored ({ $code }).
protocol-unknown-handle = Fill { $fill } names a field the page did not describe; nothing was sent.
portals-shape = The portal list is not in the expected format: {"{"}"version": 1, "portals": [{"{"}"origin", "name"{"}"}]{"}"}.
portals-version = The portal list is not of version 1.
portals-origin = Portal { $n }: the origin must be exactly scheme://host[:port] (http or https, no path, no wildcard).
portals-duplicate = Portal { $n }: this origin is already listed.
portals-name = Portal { $n }: the name must be 1 to 100 characters.

## Signed credentials and the trust list (no value of a credential ever appears here).
credential-too-large = The credential is too large, or has too many disclosures.
credential-malformed = This is not a well-formed SD-JWT credential.
credential-type = The credential's type is not dc+sd-jwt.
credential-algorithm = The credential's signature algorithm is not accepted (only ES256, Ed25519 and SM2-SM3; never none or HMAC).
credential-critical = The credential's header has a critical parameter (crit) that cannot be processed.
credential-untrusted-issuer = The credential's issuer is not on the trust list.
credential-unknown-key = The trust list has no such key for this issuer.
credential-key-algorithm = The credential's algorithm is not the one the trust list gives for this key.
credential-key-validity = The issuer's key was not valid when the credential was issued.
credential-signature = The credential's signature is not valid: its content may have been changed.
credential-digest-algorithm = The credential's digest algorithm is not sha-256.
credential-disclosure = A disclosure of the credential is not valid: malformed, repeated, or not part of this credential (it may have been changed).
credential-protected-claim = The credential hides a claim that must be in plain view (such as its issuer, validity or type) in a selective disclosure.
credential-credential-type = This issuer may not issue this type of credential.
credential-element-not-allowed = This issuer may not attest the element "{ $claim }".
credential-not-yet-valid = The credential is not valid yet.
credential-expired = The credential has expired.
credential-validity = The credential lacks validity dates the trust list requires, or a date is malformed.
credential-key-binding-missing = Holder key binding (KB-JWT) is required, but the credential has none.
credential-key-binding-unexpected = The credential carries a holder key binding (KB-JWT) where none is expected.
credential-key-binding = The holder key binding (KB-JWT) is not valid: signature, audience, nonce, time or digest do not match.
trust-shape = The trust list is not in the expected format (see www/schema/trust.schema.json).
trust-format = The trust list's format is not trust-list/1.
trust-date = A date in the trust list is not RFC 3339, or the next update is before the issue date.
trust-no-issuers = The trust list has no issuers.
trust-issuer-id = Issuer { $n }: the id is empty or repeats an earlier one.
trust-issuer-name = Issuer { $n }: the Chinese name (name's zh-CN) is missing.
trust-issuer-empty = Issuer { $n }: at least one key and one credential type are needed.
trust-kid = Issuer { $n }, key { $k }: the kid is empty or repeated.
trust-alg = Issuer { $n }, key { $k }: the algorithm is not accepted (only ES256, Ed25519/EdDSA and SM2-SM3).
trust-key = Issuer { $n }, key { $k }: not a valid public key of its algorithm, or its validity window is wrong.
trust-credential = Issuer { $n }, credential type { $k }: the format must be dc+sd-jwt with vct and claims listed; required_validity or key_binding has a wrong value.
trust-target = Issuer { $n }: the profile_map target of the claim "{ $claim }" is not a profile element, or the claim is not in claims.

## Importing verified values
import-add = New
import-replace-self = Replaces your own entry
import-replace-verified = Replaces a verified value (the old one stays in the history)
import-same = Same value, now marked verified
import-keep = Already the same verified value, unchanged
import-keep-stronger = Your current value stays: its verification is stronger
import-invalid = The value fails this element's check and is not imported
import-no-holder = No person or firm in your profile holds it; not imported
import-stale = Your profile changed after the preview, so nothing was imported. Please preview again.
edit-confirm-verified = This value was verified. Once changed it counts as your own entry; it is saved only after you confirm.
plan-verified-required = This item requires verified data; yours is self-declared
verified-credential = Verified · electronic licence ({ $by }, { $date })
verified-staff = Verified · checked at a service hall ({ $by }, { $date })
verified-staff-plain = Verified · checked at a service hall ({ $date })
verified-confirm = This value was verified. Once changed it counts as your own entry and no longer shows as verified. Change it?
verified-confirm-items = Items to change: { $items }
verified-confirm-yes = Change it
attest-malformed = This is not a well-formed attestation.
attest-unknown-hall = The service hall that made the attestation is not on the trust list.
attest-key = The trust list has no such key for this service hall, or the key's algorithm differs.
attest-signature = The attestation's signature is not valid: it may have been altered.
attest-element-not-allowed = This service hall may not attest the element “{ $element }”.
attest-not-yet-valid = The attestation is dated in the future.
attest-expired = The attestation has expired.
attest-key-validity = The service hall's key was not valid when the attestation was made.
attest-value = The value of “{ $element }” in the profile does not match the attestation (it may have been altered).
attest-missing-value = The profile lacks the element “{ $element }” the attestation lists.
attest-randomness = No random numbers could be had; no attestation was made.
attest-secret = The service hall's secret key cannot be read.

## The OnceFill window
window-waiting = Waiting for the portal's form…
window-no-opener = This window is not connected to a portal's form. Go back to the portal and click "Fill with OnceFill" again. If this keeps happening, the site may cut the link to windows it opens (Cross-Origin-Opener-Policy): please tell its administrators.
window-not-allowed = This site is not on OnceFill's list of authorised portals, and OnceFill gives it nothing. You can close this window and fill in the form by hand.
window-unreadable = The form description this site sent cannot be read, and OnceFill gave it nothing. Close this window and click the button again, or fill in the form by hand.
window-too-large = The form description this site sent is too large, and OnceFill gave it nothing. Please fill in the form by hand.
window-close = Close window
window-asking = This site asks OnceFill to fill its form:
window-form = Form:{" "}
window-back-to-form = Back to the form
window-no-result = The portal did not tell OnceFill how the fill went. Go back to the form and check each field, filling any by hand if needed.
people-question = This form is about { $count } people: { $blocks }. Who is each?
people-intro = Choose a person for each part. OnceFill remembers your choice and uses it the next time you fill this form; you can still change it.
people-applicant = applicant
people-owner = you
people-firm = your firm
people-nobody = leave empty
people-how-applicant = the applicant's part is filled with your details
people-how-by_sex = decided by sex in your profile
people-how-by_relation = decided by the relation in your profile
people-how-errand = you are the one doing the errand
people-how-answer = your choice
people-how-open = please choose
people-taken = This person already fills the part "{ $block }"; one person cannot fill two parts. First change that part to someone else or to "leave empty".
skip-not-assigned = you chose to leave the part "{ $role }" empty
window-again = The portal sent another request to fill a form (above). The form you were reviewing was not filled and will not be: the portal no longer waits for it. Please review the new form.
window-again-review = Review the new form
disclosures = Disclosure record
disclosures-intro = After each fill, this lists which site and which form received which of your details. Only the names of the details are kept, never their content. The latest { $cap } entries are kept; older ones are deleted automatically.
disclosures-memory = You have not set a passphrase, so like your details this record is kept in this page's memory only and is cleared when the page is closed or reloaded.
disclosures-empty = Nothing recorded yet. After a fill, each one is listed here with the details it gave.
disclosures-elements = Details given
disclosures-count = { $n } fields filled
disclosures-untitled = (untitled form)
disclosures-export = Export the record (JSON)
disclosures-exported = The disclosure record was exported (names of details only, no content).
disclosures-delete = Delete
disclosures-delete-all = Delete all
disclosures-confirm-one = Delete this entry? Sensitive details will then no longer be ticked for you on this form.
disclosures-confirm-all = Delete the whole disclosure record? This cannot be undone, and sensitive details must be confirmed again on every form.
disclosures-deleted = Deleted.
sensitive-tag = Sensitive
sensitive-ask = This is sensitive and you have not given it to this form before: tick it only if the form needs it.
sensitive-known = This is sensitive; you have given it to this form before.

# The app page (app.html)
app-nav = OnceFill sections
nav-home = Home
nav-profile = My details
nav-library = Forms
nav-settings = Settings
next-wait = Looking for details saved on this device…
next-setup = Set up your details
next-setup-intro = Enter your usual details once, kept encrypted on this device under a passphrase, and use them on every department's form. Nothing is uploaded.
next-setup-go = Set a passphrase and enter my details
next-sample = Try it with the sample details first
next-unlock = Unlock your details
next-unlock-intro = Your details are kept encrypted on this device. Enter your passphrase to use them.
next-unlock-go = Enter my passphrase
next-continue = Continue: { $bundle }
next-continue-intro = Next form: { $form }.
next-continue-go = Open the next form
next-complete = Complete your details
next-complete-intro = The most used forms also ask for: { $items }.
next-complete-go = Complete my details
next-choose = Choose a form to fill
next-choose-intro = Your usual details are all there. Pick a form or a life event, open it and press “一键填表” (Fill).
next-choose-go = See forms and life events
open-record = Open
agents-count = { $n } in all
settings-lang = Language
settings-lock = Lock
settings-lock-intro = Locking clears your details from this page; you enter your passphrase to use them again.
library-search = Search by form or department
library-found = { $count } found
library-loading = Reading the list of forms…
library-coverage = { $have } of { $total } details at hand
library-needs = The { $total } details this form asks for
library-needs-bundle = The { $total } details this life event asks for
library-lacking = not yet entered
library-locked = Unlock to see how many of these details you have.
library-bundle = life event · { $count } forms
open-form = Open this form
open-bundle = Start: open the first form
open-bundle-next = Continue: open the next form
staff-log-title = Operations log
staff-log-empty = No entries yet.
staff-log-entry = { $count } fields: 

## The QR hand-off to the staff desk (no value handed over ever appears here).
handoff-offer-malformed = This is not a desk's hand-off code. Scan the code on the desk's screen again.
handoff-offer-expired = The desk's hand-off code has expired. Ask the staff for a new one.
handoff-empty = Nothing was chosen to hand to the desk.
handoff-too-large = Too many or too long items to hand over. Choose fewer and try again.
handoff-malformed = This is not a OnceFill hand-off code, or the code is incomplete.
handoff-version = The hand-off code is of a version this program does not read. Update OnceFill and try again.
handoff-wrong-session = This hand-off was not sealed for this desk's current session. Ask the applicant to scan this desk's current code and compare the check code.
handoff-tampered = The hand-off was changed or damaged and cannot be opened. Ask the applicant to make a new one.
handoff-expired = The hand-off code has expired (it is valid for 5 minutes). Ask the applicant to make a new one.
handoff-future = The hand-off code was made later than this computer's time. Check the clocks of the phone and the desk.
handoff-lifetime = The hand-off code's validity period is not allowed; it was refused.
handoff-unknown-element = The hand-off holds an element this version does not know; all of it was refused.
handoff-unknown-role = The hand-off holds a person's role this version does not know; all of it was refused.
handoff-duplicate = The element "{ $element }" appears twice for the same person; all of it was refused.
handoff-invalid-value = The element "{ $element }" is not in a valid form; all of it was refused.
handoff-randomness = The system could not supply random numbers; no hand-off was made.
handoff-no-qr = No readable QR code was found in the picture. Aim at the code and try again.
handoff-qr-too-large = Too long for one QR code. Choose fewer items.
handoff-presentation-mismatch = The credential's { $element } differs from the value handed over: the credential is not relied on.
handoff-presentation-not-handed-over = The credential discloses { $element }, which was not handed over: the credential is not relied on.
handoff-presentation-empty = The credential discloses no item: it is not relied on.
handoff-presented = Attached the signed parts of { $count } credential(s) for the items chosen, so the window can verify them; nothing else of the credentials leaves the phone.

## The staff desk (一窗受理): receiving a hand-off and signing an attestation (no value here).
desk-locked = Unlock this desk's vault first.
desk-hall-id = Enter the hall's id and the key's id.
desk-hall-exists = This desk already has a signing key; to replace it, import the new one.
desk-no-hall-key = This desk has no signing key yet: make or import one under "This desk's signing key".
desk-attest-none = Tick at least one item checked against the original documents.

## Importing credentials and handing over at a window (app page)
verify-loading = Loading the verification component…
verify-module-failed = The verification component could not be loaded. Check the network and try again.
verify-trust-failed = The trust list could not be fetched, so no credential can be verified. Check the network and try again.
credential-title = Import a credential
credential-intro = Import an electronic licence credential from its issuer, or a check made at a service window. It is verified and previewed first; nothing is written until you confirm.
credential-file = Choose a credential file
credential-paste = Or paste the credential
credential-check = Verify and preview
credential-by-issuer = Issuer: { $by }, issued { $date }
credential-by-hall = Checked at a service window: { $by }, on { $date }
credential-demo = Demo
credential-count = Confirming writes { $count } items.
credential-apply = Import
credential-cancel = Cancel
credential-done = { $count } items imported; your details are saved.
credential-to-profile = Go to my details
handoff-title = Hand to the service window
handoff-intro = At a service window, hand the details you choose to the window's computer with a QR code instead of saying or writing them. Only that window can open the code, and it stops working after 5 minutes.
handoff-offer-label = The hand-off code on the window's screen (filled in when you opened its QR code)
handoff-read = Read
handoff-check-intro = Check that the window's screen shows this number:
handoff-check-say = Check code { $code }
handoff-picks = Choose what to hand over
handoff-nothing = Your details hold nothing to hand over yet.
handoff-backed = credential held
handoff-seal = Make the QR code ({ $count } items)
handoff-show = Hold this QR code up to the window's scanner.
handoff-qr-alt = Encrypted QR code for the service window
handoff-expiry = Expires in { $minutes } min { $seconds } s
handoff-expired = The QR code has expired. Make a new one.
handoff-text = The code as text (for staff to type if scanning fails)

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


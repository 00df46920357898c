bank-card-luhn = 这个卡号没有通过校验，多半是某一位输错或相邻两位颠倒了，请对照银行卡重新核对。
landline-format = 固定电话请写成“区号-号码”，例如 0571-88881234；有分机的写在后面，例如 0571-88881234-123。
landline-area-code = 请在号码前加上区号，例如 0571-88881234。
email-format = 电子邮箱应写成“用户名@域名”，例如 zhangsan@example.com。
email-character = { $kind ->
    [space] 电子邮箱中不能有空格，请删去空格后再填。
   *[other] 电子邮箱中不能有“{ $found }”，请用英文半角字符填写。
}
email-domain = 电子邮箱“@”后面的域名不完整，应像 example.com 这样带有“.”。
email-length = 电子邮箱最长{ $max }个字符，您输入了{ $found }个。
postcode-format = 邮政编码应为6位数字，例如 310012。
property-unit-length = 不动产单元号应为28位，您输入了{ $found }位，请对照不动产权证书核对。
property-unit-digit = 不动产单元号第{ $position }位应为数字，您输入的是“{ $found }”。单元号依次为：6位行政区划代码、6位地籍区和地籍子区、2位字母加5位数字的宗地（宗海）代码、1位字母加8位数字的定着物代码。
property-unit-letter = 不动产单元号第{ $position }位应为大写字母，您输入的是“{ $found }”。单元号依次为：6位行政区划代码、6位地籍区和地籍子区、2位字母加5位数字的宗地（宗海）代码、1位字母加8位数字的定着物代码。
property-unit-division = 不动产单元号前6位不是有效的行政区划代码，请对照不动产权证书核对。
plate-province = 号牌号码应以省、自治区、直辖市的简称开头（如“京”“粤”），“{ $found }”不是简称。
plate-authority = 简称后面应为发牌机关代号，即一个大写字母，您输入的是“{ $found }”。
plate-letter-io = 号牌中不使用字母“{ $found }”（I和O容易与1和0混淆），请确认是不是数字。
plate-format = 号牌号码应为简称、发牌机关字母再加5位字母或数字（新能源汽车6位），例如 京A12345、粤BD12345。
plate-new-energy = 6位序号的是新能源汽车号牌，其第一位或最后一位应为字母D或F，请核对。
latin-name-character = 外文姓名只能用英文字母、空格、连字符“-”和撇号“'”，不能有“{ $found }”。
latin-name-format = 外文姓名应以字母开头和结尾，空格、连字符、撇号不能连用，例如 ZHANG XIAOMING。
latin-name-length = 外文姓名最多{ $max }个字符，您输入了{ $found }个。
valid-to-format = 请填写有效期限的截止日期，例如 2036-03-07；长期有效的请填“长期”。
amount-format = 金额请填写数字，例如 10 或 10.5，可以用逗号分隔千位。
amount-not-positive = 金额应大于零。
amount-precision = 金额最多保留{ $max }位小数（精确到分）。
amount-unit = { $unit ->
    [wan] 此栏的单位是万元，请换算成万元后只填数字，不要写“{ $found }”。
   *[yuan] 此栏的单位是元，请换算成元后只填数字，不要写“{ $found }”。
}
amount-too-large = 金额过大，请核对单位和位数。

## 地址与代码表
address-province-missing = 请选择省、自治区或直辖市。住址前应写明省级名称。
address-code-unknown = { $field ->
    [province] 省级
    [city] 地级
   *[county] 县级
}行政区划代码“{ $code }”不存在，请从列表中重新选择。
address-code-retired = { $field ->
    [province] 省级
    [city] 地级
   *[county] 县级
}行政区划代码“{ $code }”（{ $name }）已经撤销或改码，请选择现行的行政区划。
address-code-level = “{ $name }”（{ $code }）不是{ $field ->

/**
 * Passwords refused when a password is set (never at sign-in), compared in lower case.
 * No top-10,000 list can be fetched here (no network besides npm; fxa-common-password-list is at 0.0.4 and
 * zxcvbn bundles its lists with a whole estimator), so this is a hand-written list of about 290 of the
 * passwords that head the public leak rankings (SplashData / NordPass yearly lists, the RockYou and
 * CSDN 2011 leaks): keyboard walks, repeated and sequential digits, "password"/"admin" variants, and the
 * Chinese favourites (woaini1314, 5201314, pinyin surnames + digits). Only entries of 8 or more
 * characters are kept: shorter ones are already refused by the length rule.
 */
const LIST = `
12345678 123456789 1234567890 12345678910 0123456789 87654321 987654321 9876543210 11111111 111111111
1111111111 00000000 000000000 0000000000 22222222 33333333 44444444 55555555 66666666 77777777 88888888
99999999 12341234 11223344 12121212 11112222 13131313 12344321 123123123 147258369 159357456 123456abc
123456789a 1234567a 12345678a a12345678 a123456789 abc12345 abcd1234 1234abcd 1q2w3e4r 1q2w3e4r5t 1qaz2wsx
1qazxsw2 zaq12wsx zaq1zaq1 qwer1234 asdf1234 zxcv1234 qwertyui qwerty123 qwerty12 qwertyuiop qwerty1234
asdfghjk asdfghjkl zxcvbnm1 zxcvbnm123 qazwsxedc abcdefgh abcdefg1 abcd12345 aaaaaaaa aaaaaaa1 abc123456
abcabcabc qweasdzxc qweqweqwe asdasdasd password password1 password12 password123 password1234 passw0rd
p@ssw0rd p@ssword pa55word passwort motdepasse contrasena iloveyou iloveyou1 iloveyou2 loveyou1 sunshine
sunshine1 princess princess1 football football1 baseball baseball1 basketball superman superman1 batman123
starwars trustno1 welcome1 welcome123 whatever 12qwaszx letmein1 letmein123 monkey123 dragon123 master123
shadow123 michael1 jennifer charlie1 jordan23 computer internet mustang1 zaq1xsw2 football123 liverpool
chelsea1 arsenal1 manchester pokemon1 spiderman tinkerbell cookie123 chocolate butterfly admin123 admin1234
admin12345 administrator adminadmin root1234 rootroot toor1234 test1234 test12345 testtest guest123 user1234
default1 changeme changeme1 changeme123 secret123 login123 system123 welcome! password! qwerty!! 1qaz!qaz
p@55w0rd passw0rd1 pass1234 pass12345 mypassword woaini1314 woaini520 woaini123 woaini12 woaini1314520
52013140 520131400 5201314520 1314520520 13145200 52013145 woaiwojia woshishui wodemima mima1234 mima123456
nihao123 nihao1234 zhang123 zhang123456 wang1234 wang123456 li123456 liu123456 chen1234 chen123456 yang1234
huang123 zhao1234 zhou1234 wu123456 zhangwei wangwei1 liming123 wangjing zhangjie aini1314 qq123456 qq1234567
qq12345678 qwe123456 asd123456 zxc123456 aa123456 aa12345678 abc123456789 a1234567 a1b2c3d4 a1b2c3d4e5
woaini521 iloveyou1314 1314woaini 159753123 789456123 741852963 963852741 123654789 147852369 123321123
112233445566 123456123456 12345612 123456aa 123456qq 123456ab 123456qwe 123456asd 123456zxc 123qweasd
123qweasdzxc qweasd123 1234qwer dearbook asdf;lkj 66668888 168168168 16881688 518518518 98765432 ilovechina
zhongguo china123 beijing1 shanghai huawei123 xiaomi123 baidu123 taobao123 tencent1 wechat123 weixin123
aiaiaiai hahahaha hehehehe xixixixi lalalala woshinidie woainima 1234qwerasdf sunflower michelle jessica1
jennifer1 matthew1 samsung1 samsung123 google123 facebook1 linkedin monkey12 dragon12 master12 shadow12
qwerty78 abc12345678 11111111a 1111aaaa aaaa1111 1234abcd! passw0rd! p@ssw0rd1 admin@123 admin123! abc@1234
abcd@1234 zz123456 ab123456 test@123 welcome@123 pass@123 pass@1234 aa111111
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

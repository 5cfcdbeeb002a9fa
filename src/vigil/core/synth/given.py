"""The long tail of Iranian given names, for populations as varied as real reports.

``tables.MALE_GIVEN`` and ``tables.FEMALE_GIVEN`` hold the common names (Mohammad alone
about 15 % of men). Named people in real reports bear far more given names than those
tables give (see ``docs/decisions/synthetic-surname-tail.md``), so wide populations draw
``HEAD_SHARE`` of their given names from the head and the rest from ``MALE_TAIL`` and
``FEMALE_TAIL``: simple names, and the compounds most Iranian men's names are
(Mohammad + Ali, Ali + Reza, Abdol + Karim, Fath + ollah, Gholam + Hossein), written run
together in Persian and either way in Latin script.
"""
from __future__ import annotations

HEAD_SHARE = 0.3

# Persian, Latin spellings (|-separated, the commonest first), weight
_SIMPLE_MALE = """
محسن Mohsen 4; مجتبی Mojtaba 3; مسعود Masoud|Masood|Masud 3; امید Omid 3; میثم Meysam|Meisam|Maysam 3;
یاسر Yaser|Yasser 2; احسان Ehsan 2; عرفان Erfan 2; حامد Hamed 2; ایمان Iman 2; بابک Babak 2; بهزاد Behzad 2;
رامین Ramin 2; سینا Sina 2; فرزاد Farzad 2; فرشید Farshid 2; کاوه Kaveh 1; جمشید Jamshid 1; بیژن Bijan|Bizhan 1;
داریوش Dariush|Daryoush 1; فرید Farid 1; حمزه Hamzeh|Hamza 2; حیدر Heydar|Heidar|Haidar 2; حجت Hojjat|Hojat 2;
جلال Jalal 1; جمال Jamal 1; کمال Kamal 1; کاظم Kazem|Kazim 2; خلیل Khalil 2; مراد Morad|Murad 1;
رسول Rasoul|Rasul|Rasool 2; صادق Sadegh|Sadeq 2; صابر Saber 1; سامان Saman 1; صمد Samad 1; ساسان Sasan 1;
شهاب Shahab 1; شاهین Shahin 1; سیامک Siamak|Siyamak 1; سهراب Sohrab 1; سهیل Soheil|Sohail 1; طاهر Taher|Tahir 1;
ولی Vali|Wali 1; یحیی Yahya 2; نیما Nima 1; پویا Pouya|Pooya 1; حسام Hesam|Hessam 1; هاشم Hashem|Hashim 1;
قادر Ghader|Qader 1; غفور Ghafour|Ghafoor 1; حشمت Heshmat 1; اسکندر Eskandar|Iskandar 1; فریدون Fereydoun|Fereidoun 1;
قدرت Ghodrat|Qodrat 1; جاوید Javid 1; جلیل Jalil 1; کرم Karam 1; لطیف Latif 1; منوچهر Manouchehr|Manuchehr 1;
مهران Mehran 1; مهرداد Mehrdad 1; نبی Nabi 1; پرویز Parviz 1; رحمان Rahman 1; رشید Rashid 1; سالار Salar 1;
شاپور Shapour|Shapur 1; توحید Tohid|Towhid 1; زکریا Zakaria|Zakariya 1; عثمان Osman|Othman 2; عمر Omar 2;
جهانگیر Jahangir 1; هدایت Hedayat 1; اصغر Asghar 1; امین Amin 2; عزیز Aziz 1; بختیار Bakhtiar|Bakhtiyar 1;
برهان Borhan 1; دانیال Danial|Daniyal 1; ادریس Edris|Idris 1; عماد Emad 1; فردین Fardin 1; فیروز Firouz|Firooz 1;
هوشنگ Houshang|Hooshang 1; کوروش Kourosh|Kurosh 1; لقمان Loghman|Luqman 1; مسیح Masih 1; مهراب Mehrab 1;
نعیم Naeim|Naeem 1; پدرام Pedram 1; رحمت Rahmat 1; سمیر Samir 1; سیروس Sirous|Cyrus 1; سلیمان Soleiman|Suleiman 1;
طاها Taha 1; وهاب Vahab|Wahab 1; زاهد Zahed|Zahid 1; آرمان Arman 1; بهمن Bahman 1; بهرام Bahram 1;
رستم Rostam|Rustam 1; نصیر Nasir|Naseer 1; منیر Monir 1; شکور Shakour|Shakur 1; ستار Sattar 1; جبار Jabbar 1;
غفار Ghaffar|Qaffar 1; مالک Malek|Malik 1; ماجد Majed 1; فاروق Farough|Farooq 1; عادل Adel 1; اسد Asad 1;
اسحاق Eshagh|Ishaq 1; ایرج Iraj 1; پیمان Peyman|Payman 1; پیام Payam 1; سیاوش Siavash|Siyavash 1; شهریار Shahriar|Shahriyar 1;
وحدت Vahdat 1; افشین Afshin 1; علیرضا Alireza 4; یزدان Yazdan 1; شریف Sharif 1; نجیب Najib 1; حافظ Hafez|Hafiz 1;
"""

# compounds: first part (Persian, Latin), second parts (Persian, Latin), weight each
_COMPOUNDS = [
    (("محمد", "Mohammad"), "علی Ali; حسین Hossein; جواد Javad; مهدی Mehdi; حسن Hassan; امین Amin; "
     "صادق Sadegh; تقی Taghi; باقر Bagher; کاظم Kazem; کریم Karim; صالح Saleh; ابراهیم Ebrahim; "
     "اسماعیل Esmail; قاسم Ghasem; هادی Hadi; جعفر Jafar; رحیم Rahim; یوسف Yousef; عارف Aref", 0.4),
    (("علی", "Ali"), "اکبر Akbar; اصغر Asghar; محمد Mohammad; حسین Hossein; احمد Ahmad; نقی Naghi; "
     "جان Jan; مراد Morad", 0.8),
    (("امیر", "Amir"), "علی Ali; محمد Mohammad; رضا Reza; عباس Abbas; مهدی Mehdi; حسن Hassan", 1),
    (("عبد", "Abdol"), "الرحیم rahim; الکریم karim; الحمید hamid; المجید majid; الواحد vahed; "
     "الرضا reza; العلی ali; الحسین hossein; اللطیف latif; العزیز aziz; الباسط baset; الحکیم hakim; "
     "المالک malek; السلام salam; الغنی ghani; الستار sattar; الجبار jabbar; الوهاب vahab; "
     "الرشید rashid; الخالق khalegh", 1),
    (("غلام", "Gholam"), "حسین hossein; علی ali; عباس abbas; محمد mohammad; رسول rasoul", 1),
]

# names ending in -ollah ("of God"), written as one word, weight each
_OLLAH = ("نصرالله Nasrollah|Nasrullah; فتح‌الله Fathollah|Fatollah; روح‌الله Rouhollah|Ruhollah|Roohollah; "
          "حبیب‌الله Habibollah|Habibullah; اسدالله Asadollah|Asadullah; حجت‌الله Hojatollah|Hojjatollah; "
          "خلیل‌الله Khalilollah; یدالله Yadollah; ذبیح‌الله Zabihollah|Zabiullah; عزت‌الله Ezzatollah|Ezatollah; "
          "سیف‌الله Seifollah|Saifullah; عطاالله Ataollah|Ataullah; حشمت‌الله Heshmatollah; "
          "رحمت‌الله Rahmatollah|Rahmatullah; ولی‌الله Valiollah|Waliullah; هدایت‌الله Hedayatollah; "
          "نورالله Nourollah|Noorullah; امان‌الله Amanollah|Amanullah; عین‌الله Eynollah|Einollah", 1)

_SIMPLE_FEMALE = """
اکرم Akram 1; اشرف Ashraf 1; اعظم Azam 1; آذر Azar 1; الهام Elham 1; فریبا Fariba 1; فریده Farideh 1;
فرشته Fereshteh 1; هاجر Hajar 1; حمیده Hamideh 1; خدیجه Khadijeh|Khadija 2; محبوبه Mahboubeh|Mahbubeh 1;
منصوره Mansoureh 1; مرضیه Marziyeh|Marzieh 1; مینا Mina 1; میترا Mitra 1; نسرین Nasrin 1; ندا Neda 1;
پریسا Parisa 1; راحله Raheleh 1; راضیه Raziyeh|Razieh 1; ربابه Robabeh 1; رقیه Roghayeh|Roqayeh 1; سارا Sara 1;
شیرین Shirin 1; سیمین Simin 1; سهیلا Soheila|Sohaila 1; سوسن Sousan|Susan 1; طیبه Tayebeh 1; زهره Zohreh 1;
کبری Kobra 1; صغری Soghra 1; ناهید Nahid 1; جمیله Jamileh 1; سمیرا Samira 1; نازنین Nazanin 1; رویا Roya 1;
عاطفه Atefeh 1; حدیث Hadis 1; هانیه Hanieh|Haniyeh 1; گلناز Golnaz 1; شیما Shima 1; مهناز Mahnaz 1;
"""


def _parse(text: str, weight: float | None = None) -> list[tuple[str, str, float]]:
    """``"فا Latin|Latin2 w; …"`` entries as (Persian, Latin spellings, weight)."""
    out = []
    for item in text.replace("\n", " ").split(";"):
        parts = item.split()
        if not parts:
            continue
        w = weight if weight is not None else float(parts[-1])
        out.append((parts[0], parts[1], w))
    return out


def _compound(first: tuple[str, str], second: tuple[str, str, float]) -> tuple[str, str, float]:
    fa1, lat1 = first
    fa2, lat2, w = second
    spellings = lat2.split("|")
    run = [lat1 + s.lower() for s in spellings]
    spaced = [f"{lat1} {s[0].upper()}{s[1:]}" for s in spellings]
    return fa1 + fa2, "|".join(dict.fromkeys(spaced + run)), w


MALE_TAIL = _parse(_SIMPLE_MALE) + [
    _compound(first, second) for first, seconds, w in _COMPOUNDS
    for second in _parse(seconds, w)] + _parse(*_OLLAH)
FEMALE_TAIL = _parse(_SIMPLE_FEMALE)

"""The demo school in Welsh and Urdu, with Polish switched on but not yet translated.

Translations go through wagtail-localize's own records (a translation source, its strings,
then "save target"), exactly as if a teacher had typed them into the translation editor, so
the demo shows the editor with real work in it and "Sync translated pages" works on them.
"""

from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from home.models import HomePage

from ..classes.class_blogs import ClassBlogIndexPage
from ..classes.timeline import TimelinePage
from ..helpsheets.models import HelpSheetPage

# Welsh schools publish in Welsh and English; Polish and Urdu are common home languages.
DEMO_LANGUAGES = ["cy", "pl", "ur"]

# Eagle Class's blog and three of its posts; one help sheet for parents.
TRANSLATED_POSTS = ["castle-models", "maps-of-our-local-area", "times-tables-rock"]
TRANSLATED_HELP_SHEET = "leaving-a-comment-on-a-class-blog"

STRINGS = {
    "cy": {
        "Oakfield Primary School": "Ysgol Gynradd Oakfield",
        "News from our classes": "Newyddion ein dosbarthiadau",
        "Welcome": "Croeso",
        "Welcome to Oakfield, a friendly primary school where every child is known. Read our "
        "class blogs to see what the children are learning this week, and leave them a "
        "comment: they love to hear from you.": "Croeso i Oakfield, ysgol gynradd gyfeillgar "
        "lle mae pob plentyn yn cael ei adnabod. Darllenwch flogiau ein dosbarthiadau i weld "
        "beth mae’r plant yn ei ddysgu’r wythnos hon, a gadewch sylw iddyn nhw: maen nhw wrth "
        "eu bodd yn clywed gennych chi.",
        "Eagle Class": "Dosbarth yr Eryr",
        "Years 1 and 2": "Blynyddoedd 1 a 2",
        "Welcome to Eagle Class's blog. Read about our learning and leave us a comment!": (
            "Croeso i flog Dosbarth yr Eryr. Darllenwch am ein dysgu a gadewch sylw i ni!"
        ),
        "Castle models": "Modelau castell",
        "We built castles with moving drawbridges.": (
            "Fe wnaethon ni adeiladu cestyll gyda phontydd codi sy’n symud."
        ),
        "We designed and built castle models. The drawbridges go up and down with string and "
        "a pulley.": "Fe wnaethon ni ddylunio ac adeiladu modelau o gestyll. Mae’r pontydd "
        "codi’n codi ac yn disgyn gyda llinyn a phwli.",
        "Maps of our local area": "Mapiau o’n hardal leol",
        "We drew maps of the walk to school.": "Fe wnaethon ni dynnu mapiau o’r daith i’r ysgol.",
        "We walked around the school and drew maps with keys. Can you spot the park and the "
        "library?": "Fe gerddon ni o gwmpas yr ysgol a thynnu mapiau gydag allweddi. Allwch "
        "chi weld y parc a’r llyfrgell?",
        "Times tables rock!": "Mae tablau lluosi’n wych!",
        "Our times tables challenge.": "Ein her tablau lluosi.",
        "We practised our times tables with songs and games. Everyone beat their own score "
        "from last week.": "Fe wnaethon ni ymarfer ein tablau lluosi gyda chaneuon a gemau. "
        "Curodd pawb eu sgôr eu hunain o’r wythnos diwethaf.",
        "Leaving a comment on a class blog": "Gadael sylw ar flog dosbarth",
        "Children love comments: here is how to leave one.": (
            "Mae plant wrth eu bodd â sylwadau: dyma sut i adael un."
        ),
        "Open a post and scroll to “Leave a comment”.": (
            "Agorwch bostiad a sgroliwch i lawr at “Gadael sylw”."
        ),
        "The Save draft and Publish buttons": "Y botymau Cadw drafft a Cyhoeddi",
        "Write your name (first name for children) and who you are.": (
            "Ysgrifennwch eich enw (enw cyntaf yn unig i blant) a phwy ydych chi."
        ),
        "A teacher checks every comment before it appears.": (
            "Mae athro’n gwirio pob sylw cyn iddo ymddangos."
        ),
        "Ask the ICT leader if you get stuck.": "Gofynnwch i’r arweinydd TGCh os ewch chi’n sownd.",
    },
    "ur": {
        "Oakfield Primary School": "اوک فیلڈ پرائمری اسکول",
        "News from our classes": "ہماری کلاسوں کی خبریں",
        "Welcome": "خوش آمدید",
        "Welcome to Oakfield, a friendly primary school where every child is known. Read our "
        "class blogs to see what the children are learning this week, and leave them a "
        "comment: they love to hear from you.": "اوک فیلڈ میں خوش آمدید، ایک دوستانہ پرائمری "
        "اسکول جہاں ہر بچے کو جانا پہچانا جاتا ہے۔ ہماری کلاسوں کے بلاگ پڑھیں اور دیکھیں کہ "
        "بچے اس ہفتے کیا سیکھ رہے ہیں، اور انہیں ایک تبصرہ لکھیں: انہیں آپ کی بات سن کر بہت "
        "خوشی ہوتی ہے۔",
        "Eagle Class": "ایگل کلاس",
        "Years 1 and 2": "سال 1 اور 2",
        "Welcome to Eagle Class's blog. Read about our learning and leave us a comment!": (
            "ایگل کلاس کے بلاگ میں خوش آمدید۔ ہماری پڑھائی کے بارے میں پڑھیں اور ہمیں تبصرہ لکھیں!"
        ),
        "Castle models": "قلعوں کے ماڈل",
        "We built castles with moving drawbridges.": "ہم نے اٹھنے والے پلوں والے قلعے بنائے۔",
        "We designed and built castle models. The drawbridges go up and down with string and "
        "a pulley.": "ہم نے قلعوں کے ماڈل ڈیزائن کیے اور بنائے۔ ان کے پل دھاگے اور چرخی سے "
        "اوپر نیچے ہوتے ہیں۔",
        "Maps of our local area": "ہمارے علاقے کے نقشے",
        "We drew maps of the walk to school.": "ہم نے اسکول آنے کے راستے کے نقشے بنائے۔",
        "We walked around the school and drew maps with keys. Can you spot the park and the "
        "library?": "ہم اسکول کے ارد گرد چلے اور علامتوں والے نقشے بنائے۔ کیا آپ پارک اور "
        "لائبریری ڈھونڈ سکتے ہیں؟",
        "Times tables rock!": "پہاڑے زبردست ہیں!",
        "Our times tables challenge.": "ہمارا پہاڑوں کا مقابلہ۔",
        "We practised our times tables with songs and games. Everyone beat their own score "
        "from last week.": "ہم نے گانوں اور کھیلوں کے ذریعے پہاڑوں کی مشق کی۔ ہر ایک نے "
        "پچھلے ہفتے کا اپنا اسکور بہتر کیا۔",
        "Leaving a comment on a class blog": "کلاس بلاگ پر تبصرہ کیسے لکھیں",
        "Children love comments: here is how to leave one.": (
            "بچوں کو تبصرے بہت پسند ہیں: تبصرہ لکھنے کا طریقہ یہ ہے۔"
        ),
        "Open a post and scroll to “Leave a comment”.": (
            "کوئی پوسٹ کھولیں اور نیچے “تبصرہ لکھیں” تک جائیں۔"
        ),
        "The Save draft and Publish buttons": "مسودہ محفوظ کریں اور شائع کریں کے بٹن",
        "Write your name (first name for children) and who you are.": (
            "اپنا نام (بچوں کا صرف پہلا نام) اور اپنا تعارف لکھیں۔"
        ),
        "A teacher checks every comment before it appears.": (
            "ہر تبصرہ شائع ہونے سے پہلے ایک استاد اسے دیکھتا ہے۔"
        ),
        "Ask the ICT leader if you get stuck.": "کوئی مشکل ہو تو آئی سی ٹی لیڈر سے پوچھیں۔",
    },
}


def ensure_languages() -> None:
    """Welsh, Polish and Urdu locales, each kept in step with English by wagtail-localize."""
    english = Locale.get_default()
    for code in DEMO_LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=code)
        _sync, created = LocaleSynchronization.objects.get_or_create(
            locale=locale, defaults={"sync_from": english}
        )
        if not created:
            # Creating it copied the tree; on a re-run, copy any page added since.
            synchronize_tree(english, locale)


def ensure_translations(home: HomePage) -> None:
    eagle = ClassBlogIndexPage.objects.child_of(home).get(slug="eagle")
    pages = [
        home,
        TimelinePage.objects.child_of(home).get(),
        eagle,
        *Page.objects.child_of(eagle).filter(slug__in=TRANSLATED_POSTS).order_by("path"),
        HelpSheetPage.objects.descendant_of(home).get(slug=TRANSLATED_HELP_SHEET),
    ]
    for code, strings in STRINGS.items():
        locale = Locale.objects.get(language_code=code)
        for page in pages:
            translate(page.specific, locale, strings)


def translate(page, locale: Locale, strings: dict[str, str]) -> None:
    """Translate ``page`` into ``locale`` with ``strings``; others stay as in English."""
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=True)

"""The words pupils' passwords are made of: short, friendly and easy to spell for a child.

Chosen by hand, and kept so when adding words: 3 to 5 lower-case letters, so that three of them
and two hyphens fit on one line of a printed login card; words a young child knows or can sound
out; nothing unkind, rude, scary or slangy, nothing about bodies, and no homophone of another
common word (no "sun"/"son", "pear"/"pair", "bean"/"been", "stork"/"stalk"), so that a
password read aloud by a teacher is typed as printed. ``tests/blogs/test_sign_in.py`` checks
the shape of the list and that it is long enough.
"""

_ANIMALS = """
ant bat cat cub dog emu fox hen owl pup ram yak boa cod eel
bird carp clam colt crab crow dove duck fish foal frog gull hawk ibis kiwi lark lion
mink mole moth mule newt orca pike pony puma seal swan tuna vole wasp wolf
bison camel chick crane dingo eagle egret finch gecko goose heron hippo koala
lemur llama macaw moose mouse okapi otter owlet panda prawn puppy quail raven rhino
robin sheep shark sloth snail squid stoat tapir tiger trout zebra bunny hound husky
corgi krill kitty
"""
_FOOD = """
bun egg fig jam pie yam
cake corn dip flan herb kale leek lime milk oat okra plum rice roti soup stew
taco tofu wrap
apple bagel basil bread chive cocoa cream crisp curry fudge grape gravy guava honey jelly
juice kebab lemon lolly mango melon nacho olive pasta peach pesto pizza prune salad salsa
scone spice sugar syrup toast wafer wheat
"""
_NATURE = """
ash bud elm fog ice ivy oak sky
bark bay cave cliff cone dawn dune dusk fern glen hill iris lake lava leaf lily moss
pine pond reef rock sand seed snow star stem twig vine wave wind
acorn amber bloom brook cedar cloud coast coral daisy delta earth ember field flame
frost glade grass hazel hedge holly lotus maple marsh ocean petal poppy rainy ridge river
sandy shell sleet snowy spark stone storm sunny tulip birch
"""
_THINGS = """
bag bed box cap cot cup fan hat jar key lid map mat mop mug net pan pen pin pot rug
tin van wok zip bus car jet
ball bell belt bike boat book boot brick cart chalk coat coin dice dish doll door drum
flag fork gate glue harp hoop horn kilt kite lamp lock mast mitt oboe oven raft robe rope
ruler shed ship shoe sled sock sofa soap tape tent tile tram tuba vase vest wand
apron badge banjo bench brush cabin canoe chair chest clock cloak crown flute glove globe
grill jewel kayak ladle lorry medal paint pearl piano quilt radio robot scarf shelf
spade spoon stamp table taxi teddy torch towel track train truck wagon watch whisk
"""
_DOING = """
dig fly hop hug hum mix nap nod run ski spin tap
bake beam cook dive glow grin grow hike jump leap make nest ride rest
sing skip stir surf swim wink wish yawn zoom
cheer dance dream float glide march plant shine skate slide smile swing twirl
"""
_DESCRIBING = """
busy calm cool cosy fast glad keen kind neat snug soft tall tidy warm wavy wild wise
brave brisk clean clear comfy early fancy fizzy fresh giant grand happy jazzy jolly
leafy light loyal lucky magic noble peppy perky proud quick quiet rocky royal
shiny silky small smart solar lunar spicy super sweet swift tiny windy
"""
_PLACES_AND_STORIES = """
den hut zoo
barn camp city farm fort home hive lane mill park path pool porch shop town yard
attic house hotel igloo tower
comet orbit space alien pixie queen king elf gem
green pink gold teal navy ruby ivory lilac mint jade
"""

WORDS: tuple[str, ...] = tuple(
    sorted(
        {
            word
            for group in (
                _ANIMALS,
                _FOOD,
                _NATURE,
                _THINGS,
                _DOING,
                _DESCRIBING,
                _PLACES_AND_STORIES,
            )
            for word in group.split()
        }
    )
)

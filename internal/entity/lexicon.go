package entity

import "strings"

// class is a set of facts about a word that matter for finding names.
type class uint32

const (
	cMonth       class = 1 << iota // a month: "March", "Sept"
	cDay                           // a day or a relative day: "Friday", "Today"
	cPlace                         // a country, state, city or region
	cPlacePrefix                   // a word that opens a place name: "New", "North"
	cDemonym                       // a nationality, party or faith adjective: "Russian", "Democratic"
	cOrg                           // a word that makes a capitalized run an organisation: "Committee"
	cTitle                         // an honorific or title written before a name: "Mr", "President"
	cAbbrev                        // a title that takes a period: "Sen.", "Gen."
	cRole                          // a role noun written before a name: "spokesman", "lawyer"
	cMod                           // a modifier inside a role phrase: "former", "senior"
	cParticle                      // a lower-case particle inside a name: "de", "van"
	cSuffix                        // a name suffix: "Jr", "III"
	cMale                          // a man's first name
	cFemale                        // a woman's first name
	cFirst                         // a first name of either sex
	cCommon                        // a word that is capitalized only because it opens a sentence, or is never a name
	cMaleTitle                     // a title or role that names a man: "Mr", "spokesman"
	cFemaleTitle                   // a title or role that names a woman: "Mrs", "chairwoman"
	cSpeech                        // a verb of speech: "said", "told"
)

// notName is the set of classes whose words are never part of a person's
// name when they stand where a name would.
const notName = cMonth | cDay | cPlace | cDemonym | cOrg | cCommon

// lexicon maps a lower-case word to its classes.
var lexicon = buildLexicon()

func lookup(lower string) class { return lexicon[lower] }

func buildLexicon() map[string]class {
	m := make(map[string]class, 2048)
	add := func(c class, words string) {
		for _, w := range strings.Fields(words) {
			m[w] |= c
		}
	}
	add(cMonth, `january february march april may june july august september october
		november december jan feb mar apr jun jul aug sep sept oct nov dec`)
	add(cDay, `monday tuesday wednesday thursday friday saturday sunday today tonight
		tomorrow yesterday weekend christmas easter ramadan thanksgiving`)
	add(cPlace, `afghanistan albania algeria angola argentina armenia australia austria
		azerbaijan bahrain bangladesh belarus belgium bolivia bosnia brazil britain
		bulgaria cambodia cameroon canada chile china colombia congo croatia cuba cyprus
		czechia denmark ecuador egypt england eritrea estonia ethiopia europe finland
		france gaza germany ghana greece guatemala haiti honduras hungary iceland india
		indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya korea
		kosovo kuwait kyrgyzstan laos latvia lebanon libya lithuania luxembourg
		macedonia madagascar malaysia mali malta mexico moldova mongolia montenegro
		morocco mozambique myanmar namibia nepal netherlands nicaragua niger nigeria
		norway oman pakistan palestine panama paraguay peru philippines poland portugal
		qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia
		somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand
		tibet tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela
		vietnam wales yemen zambia zimbabwe crimea donbas chechnya kashmir
		africa asia america americas antarctica arctic atlantic pacific caribbean
		balkans baltic scandinavia siberia
		alabama alaska arizona arkansas california colorado connecticut delaware florida
		georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine
		maryland massachusetts michigan minnesota mississippi missouri montana nebraska
		nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
		washington wisconsin wyoming
		moscow beijing london paris berlin rome madrid tokyo kiev kyiv minsk ankara
		istanbul tehran baghdad damascus kabul islamabad delhi mumbai cairo riyadh
		jerusalem brussels vienna warsaw prague budapest bucharest sofia athens lisbon
		dublin edinburgh amsterdam stockholm oslo copenhagen helsinki geneva zurich
		ottawa toronto montreal vancouver sydney melbourne canberra seoul pyongyang
		manila jakarta bangkok hanoi singapore caracas havana bogota lima santiago
		brasilia nairobi lagos johannesburg tripoli beirut doha dubai tbilisi yerevan
		baku chicago boston philadelphia atlanta miami houston dallas seattle denver
		detroit baltimore brooklyn manhattan hollywood sochi aleppo mosul kherson
		kharkiv odessa donetsk luhansk crimea westminster whitehall brussels`)
	add(cPlacePrefix, `new north south east west northern southern eastern western central
		upper lower greater san santa los las fort port mount cape gulf`)
	add(cDemonym, `american americans russian russians british english scottish welsh
		irish french german germans italian italians spanish chinese japanese korean
		koreans indian indians pakistani pakistanis afghan afghans iranian iranians
		iraqi iraqis syrian syrians turkish turks israeli israelis palestinian
		palestinians saudi saudis egyptian egyptians ukrainian ukrainians polish dutch
		swedish norwegian danish finnish greek greeks mexican mexicans canadian
		canadians brazilian brazilians australian australians african africans
		european europeans asian asians arab arabs muslim muslims christian christians
		jewish jews catholic catholics protestant protestants sunni shia shiite kurdish
		kurds soviet soviets communist communists socialist socialists democrat
		democrats democratic republican republicans dems gop conservative conservatives
		liberal liberals labour tory tories nazi nazis latino latinos hispanic hispanics
		venezuelan venezuelans cuban cubans nigerian nigerians belarusian georgian
		armenian libyan yemeni lebanese jordanian qatari emirati belgian swiss austrian
		hungarian czech slovak romanian bulgarian serbian croatian bosnian albanian
		estonian latvian lithuanian vietnamese thai filipino indonesian malaysian
		taiwanese tibetan uighur uyghur chechen crimean western eastern northern
		southern federal national congressional presidential senate
		rwandan congolese ugandan kenyan tanzanian sudanese somali ethiopian zimbabwean
		angolan namibian burundian honduran nicaraguan salvadoran guatemalan jamaican
		haitian bangladeshi colombian peruvian chilean argentine bolivian ecuadorian
		islamic islamist bavarian serbs croats bosniaks albanians kosovars lankan
		lankans somalis rwandans hutus tutsis jew`)
	add(cOrg, `committee committees commission council department ministry agency
		bureau office service services house senate congress parliament assembly court
		party university college school institute academy association union federation
		league foundation fund bank group company corporation corp inc ltd llc plc times
		journal post news press herald tribune gazette telegraph daily magazine network
		television radio review reuters bloomberg sputnik tass xinhua interfax street
		avenue road square airport station hospital center centre church cathedral
		temple mosque army navy force forces guard police administration authority
		board cabinet embassy consulate republic kingdom empire states nations
		intelligence security treasury pentagon kremlin twitter facebook google apple
		microsoft amazon instagram youtube whatsapp telegram internet capitol olympics
		cup games prize award awards act treaty accord accords agreement program
		programme project initiative summit conference forum festival museum gallery
		library hotel tower bridge park hall palace stadium arena island islands river
		lake sea ocean mountains valley bay coast beach desert county city province
		region district territory strait canal airlines airways motors industries
		holdings partners capital securities media club studios records pictures
		entertainment labs systems technologies energy oil gas pharmaceuticals council
		brexit obamacare medicare medicaid god allah bible koran quran islam
		watergate mueller-probe panel caucus circuit tribunal prison jail campaign
		coalition movement front alliance brigade battalion regiment division corps
		fleet command ministry directorate secretariat institution embassies
		taliban hamas hezbollah fatah plo`)
	add(cTitle, `mr mrs ms miss mx dr prof professor sir dame lord lady madam president
		vice senator sen sens rep reps representative congressman congresswoman gov
		governor gen general lt lieutenant col colonel maj major capt captain cmdr
		commander adm admiral sgt sergeant cpl corporal pvt judge justice secretary
		chairman chairwoman chair speaker minister premier chancellor ambassador mayor
		director commissioner sheriff detective inspector officer chief deputy pope
		cardinal bishop archbishop rabbi imam rev reverend pastor prince princess queen
		emperor empress sheikh sultan ayatollah attorney pres supt det insp atty amb fr
		coach dean spokesman spokeswoman spokesperson leader`)
	add(cAbbrev, `mr mrs ms mx dr prof sen sens rep reps gov gen lt col maj capt cmdr adm
		sgt cpl pvt rev pres supt det insp atty amb fr st hon`)
	add(cRole, `spokesman spokeswoman spokesperson lawyer lawyers attorney attorneys counsel
		adviser advisor aide official ambassador envoy diplomat minister secretary
		senator congressman congresswoman representative governor mayor president
		chairman chairwoman chair director chief head leader deputy commander general
		admiral officer judge justice prosecutor investigator detective inspector
		analyst economist expert professor researcher scientist doctor physician author
		writer journalist reporter correspondent editor columnist anchor host
		commentator activist candidate nominee founder executive ceo businessman
		businesswoman billionaire tycoon magnate banker investor entrepreneur actor
		actress singer rapper musician star player coach manager striker captain
		champion athlete strategist pollster consultant lobbyist operative donor
		associate partner colleague friend ally rival opponent critic supporter son
		daughter wife husband brother sister father mother uncle aunt nephew niece
		cousin widow cleric priest pastor bishop rabbi imam premier chancellor
		commissioner administrator superintendent sheriff marshal sergeant lieutenant
		colonel major soldier veteran staffer whistleblower defendant plaintiff witness
		suspect victim lawmaker legislator politician speaker whip counselor counsellor
		dean principal teacher student mp sen rep gov gen lt col maj capt sgt adm dr mr
		mrs ms prof`)
	add(cMod, `former ex then late senior junior top chief deputy assistant associate
		acting interim incoming outgoing retired longtime long-time veteran national
		security foreign defense defence home interior finance treasury state federal
		special presidential congressional parliamentary press campaign personal
		private political legal general executive managing communications policy
		intelligence military lead white house party democratic republican independent
		conservative liberal news sports legendary famous prominent outspoken
		embattled disgraced controversial influential powerful wealthy young elderly
		current vice prime attorney trade energy health education transportation
		commerce labor labour agriculture environment economic opposition ruling
		regional local city county district international global world us u.s.
		american russian british then-president fellow chief-of-staff staff of`)
	add(cParticle, `de del della der den di da dos das du la le van von ter ten bin ibn al el`)
	add(cSuffix, `jr sr ii iii iv`)
	add(cMale, `aaron abdul abe adam ahmed al alan albert alec alex alexander alexei
		alexey ali andre andrei andrew andy angus anthony antonio arthur austin barack
		ben benjamin bernie bill billy bob bobby boris brad bradley brandon brett brian
		bruce bryan carl carlos charles charlie chuck clarence cory craig dan daniel
		danny darren dave david dennis devin dick dmitri dmitry don donald doug
		douglas drew dylan ed eddie edward elijah elon emmanuel eric ernest ethan
		eugene evan frank fred frederick gabriel gary gavin gene george gerald giuseppe
		gordon greg gregory hamid hank hans harold harry hassan heinrich henry howard
		hunter hussein ibrahim igor isaac ivan jack jacob jacques jake jamal james
		jared jason javier jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel
		john johnny jon jonathan jorge jose joseph josh joshua juan justin karim keith
		ken kenneth kevin khalid klaus kyle larry lawrence leon leonard lloyd louis
		luis luke marco mario mark martin matt matthew michael mick mickey miguel mike
		mikhail mitch mitchell mohammed muhammad mustafa narendra nate nathan ned newt
		nicholas nick nikolai noah oleg omar oscar patrick paul pedro pete peter
		phil philip pierre preet rahm ralph ramzan rand randy raymond reince rex
		richard rick ricky rob robbie robert rod rodrigo roger ron ronald roy rudy
		russell ryan sam samuel scott sean sebastian sergei sergey shinzo silvio
		stanley stephen steve steven stuart ted terry theodore thomas tim timothy tom
		tommy tony travis trey tyler victor viktor vince vincent vladimir walter wayne
		wesley will william willie wolfgang xi yuri zach zachary`)
	add(cFemale, `abigail alice alison amanda amber amy andrea angela ann anna anne
		barbara becky beth betsy betty brenda carol carolyn catherine charlotte cheryl
		christina christine cindy condoleezza cynthia debbie deborah debra denise diana
		diane donna doris dorothy elaine elizabeth ellen emily emma evelyn frances
		gloria grace hannah heather helen hillary hope irene ivanka jacinda jane janet
		janice jennifer jessica jill joan joyce judith judy julia julie kamala karen
		kate katherine kathleen kathryn kathy katie kellyanne kirsten laura lauren
		linda lisa liz loretta lori madeleine maggie margaret maria marie marilyn
		marine martha mary megan melania melissa michelle mitzi nancy natalie nicole
		nikki olivia pamela patricia peggy rachel rebecca rose ruth sally samantha
		sandra sarah sharon shirley sophia stephanie sue susan susie teresa theresa
		tulsi ursula valerie victoria virginia wendy yulia`)
	add(cFirst, `chris pat jordan taylor lindsey kelly leslie robin jean sasha alexis
		casey jamie morgan dana kim`)
	add(cCommon, `earlier later meanwhile also still instead separately additionally
		moreover furthermore indeed nevertheless nonetheless overall finally initially
		ultimately previously currently recently eventually apparently notably critics
		officials sources analysts experts lawmakers investigators prosecutors members
		several many some most asked speaking according unlike despite following amid
		outside inside back why please dear thank thanks sorry yes oh okay ok congressional
		federal senior former top veteran acting breaking update exclusive watch read
		opinion editorial analysis photo video image reporting editing additional
		intelligence ex-advisor ex-adviser brief nope whatever meet press state
		government hurricane typhoon cyclone tornado rebels witnesses relatives
		residents villagers survivors organizers organisers protesters demonstrators
		troops soldiers doctors scientists researchers students workers farmers
		gmt utc est edt cst cdt pst pdt bst cet`)
	add(cMaleTitle, `mr sir lord king prince emperor sultan sheikh spokesman chairman
		congressman businessman father brother son husband uncle nephew widower`)
	add(cFemaleTitle, `mrs ms miss madam dame lady queen princess empress spokeswoman
		chairwoman congresswoman businesswoman mother sister daughter wife aunt niece
		widow actress`)
	add(cSpeech, speechVerbs)
	return m
}

// speechVerbs are the verbs news writing uses to attribute speech.
const speechVerbs = `said says say saying told tells telling added adds adding wrote
	writes writing tweeted tweets tweeting stated states stating asked asks asking
	replied replies replying responded responds responding explained explains
	insisted insists noted notes continued declared declares argued argues claimed
	claims warned warns recalled recalls posted announced announces acknowledged
	acknowledges admitted admits conceded concedes confirmed confirms countered
	remarked testified testifies shouted yelled whispered joked quipped observed
	suggested suggests emphasised emphasized stressed stresses urged urges predicted
	denied denies maintained maintains contended wondered vowed pledged promised
	boasted complained lamented cautioned reiterated answered answers commented
	comments told disclosed revealed reported recounted asserted alleged mused
	bragged wrote testified affirmed retorted snapped pleaded
	continues noting explaining arguing insisting warning declaring claiming recalling
	joking quipping acknowledging admitting conceding asserting stressing emphasizing
	demanded demands exclaimed exclaims chanted chants chanting yelling yells screamed
	screaming shouting shouts cried interjected concluded concludes remembered
	reflected opined griped grumbled fumed scoffed mocked teased sighed gushed raved
	marveled marvelled thundered roared bellowed boomed beamed riffed demurred
	assured assures read reads texted emailed messaged quips jokes muses laments
	complains boasts brags counters cautions asserts predicts writes recounts
	reiterates affirms retorts pleads whispers shrugged chimed sang sings elaborated
	elaborates surmised surmises offered offers reasoned reasons`

// IsSpeechVerb reports whether w, a lower-case word, is a verb that news
// writing uses to attribute speech, such as "said", "told" or "tweeted".
func IsSpeechVerb(w string) bool { return lexicon[w]&cSpeech != 0 }

// nicknames maps a familiar first name to the formal ones it may stand for.
// A formal name maps to itself implicitly.
var nicknames = map[string][]string{
	"mike": {"michael"}, "mick": {"michael"}, "mickey": {"michael"}, "mikey": {"michael"},
	"bob": {"robert"}, "bobby": {"robert"}, "rob": {"robert"}, "robbie": {"robert"}, "bert": {"robert", "albert", "herbert"},
	"bill": {"william"}, "billy": {"william"}, "will": {"william"}, "willie": {"william"}, "liam": {"william"},
	"jim": {"james"}, "jimmy": {"james"}, "jamie": {"james"},
	"tom": {"thomas"}, "tommy": {"thomas"},
	"dick": {"richard"}, "rick": {"richard", "frederick", "eric"}, "ricky": {"richard"}, "rich": {"richard"}, "richie": {"richard"},
	"joe": {"joseph"}, "joey": {"joseph"},
	"dan": {"daniel"}, "danny": {"daniel"},
	"dave": {"david"}, "davey": {"david"},
	"chris": {"christopher", "christine", "christina", "christian"},
	"steve": {"steven", "stephen"}, "stevie": {"steven", "stephen"},
	"tony": {"anthony", "antonio"},
	"nick": {"nicholas"}, "nicky": {"nicholas", "nicole"},
	"ed": {"edward", "edwin"}, "eddie": {"edward"}, "ted": {"edward", "theodore"}, "teddy": {"edward", "theodore"},
	"ben": {"benjamin"}, "benny": {"benjamin"},
	"sam": {"samuel", "samantha"}, "sammy": {"samuel"},
	"alex": {"alexander", "alexandra", "alexei", "alexey"}, "sasha": {"alexander", "alexandra"},
	"andy": {"andrew"}, "drew": {"andrew"},
	"matt": {"matthew"}, "pat": {"patrick", "patricia"}, "patty": {"patricia"},
	"kate": {"katherine", "catherine", "kathleen"}, "katie": {"katherine", "catherine", "kathleen"},
	"kathy": {"katherine", "kathleen"}, "cathy": {"catherine"},
	"liz": {"elizabeth"}, "beth": {"elizabeth"}, "betsy": {"elizabeth"}, "betty": {"elizabeth"}, "lizzie": {"elizabeth"},
	"peggy": {"margaret"}, "maggie": {"margaret"}, "meg": {"margaret", "megan"},
	"jen": {"jennifer"}, "jenny": {"jennifer"}, "sue": {"susan"}, "susie": {"susan"},
	"chuck": {"charles"}, "charlie": {"charles"}, "hank": {"henry"}, "harry": {"henry", "harold"},
	"larry": {"lawrence"}, "jerry": {"gerald", "jerome"}, "ron": {"ronald"}, "ronnie": {"ronald"},
	"don": {"donald"}, "donnie": {"donald"}, "greg": {"gregory"}, "jeff": {"jeffrey"},
	"jon": {"jonathan", "john"}, "johnny": {"john"}, "jack": {"john"},
	"ken": {"kenneth"}, "kenny": {"kenneth"}, "fred": {"frederick"}, "freddie": {"frederick"},
	"al": {"albert", "alan", "alfred"}, "vince": {"vincent"}, "phil": {"philip", "phillip"},
	"pete": {"peter"}, "tim": {"timothy"}, "timmy": {"timothy"}, "zach": {"zachary"},
	"abe": {"abraham"}, "gene": {"eugene"}, "hal": {"harold"}, "jake": {"jacob"},
	"josh": {"joshua"}, "nate": {"nathan", "nathaniel"}, "becky": {"rebecca"},
	"abby": {"abigail"}, "debbie": {"deborah", "debra"}, "sandy": {"sandra"},
	"mandy": {"amanda"}, "barb": {"barbara"}, "val": {"valerie"}, "vicky": {"victoria"},
	"newt": {"newton"}, "rudy": {"rudolph"}, "mitch": {"mitchell"}, "doug": {"douglas"},
	"stan": {"stanley"}, "walt": {"walter"}, "ray": {"raymond"}, "russ": {"russell"},
	"lou": {"louis"}, "len": {"leonard"}, "leo": {"leonard", "leon"},
}

// sameFirst reports whether two lower-case first names can name the same
// person: they are equal, one is a nickname of the other, they are
// nicknames of one formal name, or one is the other's initial.
func sameFirst(a, b string) bool {
	if a == b {
		return true
	}
	if isInitial(a) || isInitial(b) {
		return a[0] == b[0]
	}
	fa, fb := nicknames[a], nicknames[b]
	for _, x := range fa {
		if x == b {
			return true
		}
		for _, y := range fb {
			if x == y {
				return true
			}
		}
	}
	for _, y := range fb {
		if y == a {
			return true
		}
	}
	return false
}

// isFormal reports whether a lower-case first name is not a nickname.
func isFormal(first string) bool {
	_, nick := nicknames[first]
	return !nick
}

// isInitial reports whether a lower-case name part is an initial: "j" or
// "j.r." or "j.".
func isInitial(w string) bool {
	letters := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letters++
			if i+1 < len(w) && w[i+1] != '.' {
				return false
			}
		default:
			return false
		}
	}
	return letters > 0 && (letters == 1 || strings.Contains(w, "."))
}

// places are place names of several words that read like a person's name.
var places = map[string]bool{
	"united states": true, "united kingdom": true, "united nations": true, "new york": true,
	"hong kong": true, "north korea": true, "south korea": true, "saudi arabia": true,
	"new zealand": true, "south africa": true, "los angeles": true, "san francisco": true,
	"new delhi": true, "tel aviv": true, "middle east": true, "west bank": true,
	"capitol hill": true, "wall street": true, "new jersey": true, "new mexico": true,
	"new hampshire": true, "north carolina": true, "south carolina": true,
	"north dakota": true, "south dakota": true, "west virginia": true, "rhode island": true,
	"sri lanka": true, "costa rica": true, "el salvador": true, "puerto rico": true,
	"buenos aires": true, "sao paulo": true, "mexico city": true, "kuala lumpur": true,
	"abu dhabi": true, "las vegas": true, "san diego": true, "silicon valley": true,
	"white house": true, "downing street": true, "oval office": true, "mar-a-lago": true,
	"trump tower": true, "great britain": true, "soviet union": true, "european union": true,
	"golan heights": true, "persian gulf": true, "south china": true, "latin america": true,
	"north america": true, "south america": true, "central america": true, "east asia": true,
	"southeast asia": true, "eastern europe": true, "western europe": true,
	"meet the press": true, "face the nation": true, "fox news": true, "usa today": true,
}

// IsRoleOrModifier reports whether w, a lower-case word, can be part of a
// phrase that describes a person before or instead of a name: a role
// ("spokesman"), a title ("senator") or a modifier ("former", "senior").
func IsRoleOrModifier(w string) bool { return lexicon[w]&(cRole|cMod|cTitle) != 0 }

// IsRole reports whether w, a lower-case word, names a role or a title
// that can describe a person instead of a name: "spokesman", "senator".
func IsRole(w string) bool { return lexicon[w]&(cRole|cTitle) != 0 }

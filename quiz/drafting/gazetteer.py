"""Word lists that tell what kind of thing a name is, so distractors share its kind."""

from __future__ import annotations


def _names(text: str) -> frozenset[str]:
    return frozenset(name.strip() for name in text.replace("\n", "").split("|") if name.strip())


COUNTRIES = _names(
    """
    Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
    Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
    Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|
    Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|
    Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|
    Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|
    Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|
    Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|
    Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|
    Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|
    Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|
    Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Panama|
    Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|
    Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
    Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
    Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Turkmenistan|
    Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|
    Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|England|Scotland|Wales|Prussia|Persia|
    Burma|Siam|Zaire
    """
)

CITIES = _names(
    """
    Abu Dhabi|Accra|Addis Ababa|Algiers|Almaty|Amman|Amsterdam|Ankara|Astana|Athens|Baghdad|Baku|
    Bangkok|Barcelona|Beijing|Beirut|Belgrade|Berlin|Bern|Bishkek|Bogotá|Bombay|Bonn|Boston|
    Brasília|Bratislava|Brussels|Bucharest|Budapest|Buenos Aires|Cairo|Calcutta|Canberra|
    Cape Town|Caracas|Chicago|Copenhagen|Dakar|Damascus|Delhi|Dhaka|Doha|Dublin|Dushanbe|
    Edinburgh|Florence|Frankfurt|Geneva|Glasgow|Hamburg|Hanoi|Havana|Helsinki|Hong Kong|Istanbul|
    Jakarta|Jerusalem|Johannesburg|Kabul|Kampala|Karachi|Kathmandu|Khartoum|Kiev|Kinshasa|Kolkata|
    Kraków|Kyiv|Lagos|Lahore|La Paz|Leningrad|Lima|Lisbon|Liverpool|London|Los Angeles|Lyon|
    Madrid|Manchester|Manila|Marseille|Melbourne|Mexico City|Milan|Minsk|Montreal|Moscow|Mumbai|
    Munich|Nairobi|Naples|New Delhi|New Orleans|New York|Nicosia|Oslo|Ottawa|Oxford|Paris|Petrograd|
    Philadelphia|Prague|Pretoria|Quebec|Quito|Reykjavik|Riga|Rio de Janeiro|Riyadh|Rome|
    Rotterdam|Saint Petersburg|Samarkand|San Francisco|Santiago|São Paulo|Sarajevo|Seoul|
    Shanghai|Singapore City|Sofia|St Petersburg|Stalingrad|Stockholm|Sydney|Taipei|Tallinn|
    Tashkent|Tbilisi|Tehran|Tel Aviv|Tokyo|Toronto|Tunis|Turin|Ulaanbaatar|Vancouver|Venice|
    Vienna|Vilnius|Warsaw|Washington|Wellington|Yerevan|Zagreb|Zurich|Cambridge|Bristol|
    Bordeaux|Lille|Toulouse|Strasbourg|Nantes|Orléans|Rouen|Dresden|Leipzig|Cologne|Vitebsk|
    Pinsk|Gdańsk|Lodz|Łódź|Poznań|Wrocław|Timbuktu|Khartum|Aswan|Alexandria|Luxor|Memphis|
    St. Louis|Minneapolis|New Orleans|Kazan|Volgograd|Nizhny Novgorod|Samara|Saratov|Astrakhan|
    Yaroslavl|Tver|Saratov|Koblenz|Mainz|Basel|Strasbourg|Duisburg|Bonn|Vienna|Passau|Linz|
    Belgrade|Novi Sad|Ruse|Galați|Tulcea|Manaus|Belém|Iquitos|Khartoum|Juba|Kigali
    """
)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# A name containing one of these words is an organisation / a natural feature.
ORGANISATION_WORDS = frozenset(
    [
        "Organisation",
        "Organization",
        "Union",
        "Council",
        "Company",
        "Society",
        "University",
        "College",
        "Party",
        "Agency",
        "Commonwealth",
        "Bank",
        "Association",
        "Committee",
        "Force",
        "Forces",
        "Army",
        "Navy",
        "Institute",
        "League",
        "Alliance",
        "Federation",
        "Ministry",
        "Parliament",
        "Assembly",
        "Academy",
        "Corporation",
        "Foundation",
        "Church",
        "Commission",
        "Court",
        "Congress",
        "Senate",
        "Group",
        "Club",
        "Movement",
        "Service",
        "Office",
        "Department",
        "School",
        "Museum",
        "Library",
        "Laboratory",
        "Observatory",
        "Fund",
        "Nations",
        "Community",
    ]
)
FEATURE_WORDS = frozenset(
    [
        "River",
        "Lake",
        "Sea",
        "Ocean",
        "Mountains",
        "Mount",
        "Mountain",
        "Desert",
        "Gulf",
        "Bay",
        "Valley",
        "Basin",
        "Delta",
        "Falls",
        "Island",
        "Islands",
        "Plateau",
        "Peninsula",
        "Strait",
        "Canal",
        "Forest",
        "Plain",
        "Plains",
        "Glacier",
        "Range",
        "Hills",
        "Gorge",
        "Gate",
        "Gates",
        "Reservoir",
        "Dam",
    ]
)
TITLES = frozenset(
    [
        "Dr",
        "Dr.",
        "Sir",
        "Lady",
        "Lord",
        "King",
        "Queen",
        "President",
        "Prime",
        "Minister",
        "General",
        "Professor",
        "Prof.",
        "Mr",
        "Mr.",
        "Mrs",
        "Mrs.",
        "Ms",
        "Ms.",
        "Saint",
        "St",
        "Pope",
        "Emperor",
        "Empress",
        "Tsar",
        "Prince",
        "Princess",
        "Captain",
        "Admiral",
        "Marshal",
        "Chancellor",
    ]
)
# Capitalised words that start sentences or name months and days, never things to ask.
NOT_NAMES = frozenset(
    [
        "A",
        "An",
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "They",
        "Their",
        "Them",
        "He",
        "His",
        "She",
        "Her",
        "We",
        "Our",
        "You",
        "Your",
        "I",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "To",
        "Of",
        "With",
        "Without",
        "After",
        "Before",
        "During",
        "Since",
        "Until",
        "When",
        "While",
        "Where",
        "Which",
        "Who",
        "Whose",
        "What",
        "Why",
        "How",
        "Later",
        "Today",
        "Then",
        "Now",
        "However",
        "Although",
        "Though",
        "Because",
        "But",
        "And",
        "Or",
        "Nor",
        "So",
        "Yet",
        "Also",
        "As",
        "Both",
        "Each",
        "Every",
        "Many",
        "Most",
        "Some",
        "Several",
        "Such",
        "Other",
        "Another",
        "All",
        "Any",
        "No",
        "Not",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Only",
        "Currently",
        "Following",
        "Meanwhile",
        "Finally",
        "Instead",
        "Moreover",
        "Unlike",
        "Like",
        "Over",
        "Under",
        "About",
        "Around",
        "Through",
        "Within",
        "Between",
        "Among",
        "Near",
        "Along",
        "Across",
        "Beyond",
        "Despite",
        "If",
        "Once",
        "Here",
        "There",
        "Unlike",
        "Most",
        "Much",
        "More",
        "Less",
        "Few",
        "Early",
        "Late",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Together",
        "Again",
        "Still",
        "Even",
        *MONTHS,
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Spring",
        "Summer",
        "Autumn",
        "Winter",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "St",
    ]
)

CONTINENTS = frozenset(
    ["Africa", "Antarctica", "Asia", "Australia", "Europe", "North America", "South America"]
)
NATIONALITIES = _names(
    """
    Afghan|African|Albanian|Algerian|American|Argentine|Armenian|Australian|Austrian|Belgian|
    Brazilian|British|Bulgarian|Canadian|Chilean|Chinese|Croatian|Cuban|Czech|Danish|Dutch|
    Egyptian|English|Estonian|Ethiopian|Finnish|French|Georgian|German|Greek|Hungarian|Indian|
    Iranian|Irish|Israeli|Italian|Japanese|Kazakh|Korean|Latvian|Lithuanian|Mexican|Mongolian|
    Moroccan|Nigerian|Norwegian|Pakistani|Persian|Peruvian|Polish|Portuguese|Romanian|Roman|
    Russian|Scottish|Serbian|Slovak|Slovenian|Spanish|Swedish|Swiss|Syrian|Thai|Turkish|
    Ukrainian|Uzbek|Vietnamese|Welsh|Soviet|Ottoman|Byzantine|Greek|Persian|Prussian
    """
)
# Feature words that make a place a body of water rather than land.
WATER_WORDS = frozenset(["Sea", "Ocean", "Gulf", "Bay", "Strait", "Lake", "Lagoon"])
# Unions and empires that are gone: a kind of their own ("members of the Soviet Union" would
# make no sense with Belarus swapped in).
FORMER_STATES = frozenset(
    [
        "Soviet Union",
        "USSR",
        "Yugoslavia",
        "Austria-Hungary",
        "Czechoslovakia",
        "Ottoman Empire",
        "Roman Empire",
        "Russian Empire",
        "Byzantine Empire",
        "Holy Roman Empire",
        "British Empire",
        "Mughal Empire",
        "Persian Empire",
        "East Germany",
        "West Germany",
    ]
)
TREATY_WORDS = frozenset(
    ["Treaty", "Convention", "Conventions", "Agreement", "Pact", "Accord", "Accords", "Protocol"]
)

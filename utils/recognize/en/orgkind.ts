/**
 * Government or not, for an English organization name: ministries, departments, legislatures,
 * courts, police, armed forces, central banks and international public bodies are 'gov'; companies,
 * media, parties, clubs and everything else 'other'. Decided from the name alone.
 */

const GOV_WORDS =
  /\b(Department|Dept\.?|Ministry|Ministries|Congress|Senate|Parliament|Parliamentary|Assembly|Police|Constabulary|Council|Commission|Agency|Bureau|Army|Navy|Air Force|Marines?|Coast Guard|Court|Tribunal|Government|Govt|Cabinet|Treasury|Pentagon|White House|Kremlin|Downing Street|Elysee|Administration|Authority|Central Bank|Reserve Bank|Bundesbank|Federal Reserve|Fed|Customs|Duma|Knesset|Bundestag|Bundesrat|Politburo|Legislature|Legislative|Municipality|Municipal|City Hall|Prefecture|Prosecutor'?s? Office|Attorney'?s? Office|Embassy|Consulate|Directorate|Inspectorate|Secretariat|Office of|Interior|Gendarmerie|Guard|Armed Forces|Military|Junta|Regime|State Duma|House of (Representatives|Commons|Lords|Delegates)|Supreme Soviet|Sejm|Diet|Majlis|Lok Sabha|Rajya Sabha|Storting|Riksdag|Folketing|Cortes)\b/;
const GOV_NAMES =
  /^(U\.?N\.?|United Nations|NATO|EU|European Union|European Commission|European Parliament|IMF|World Bank|WTO|OSCE|OPEC|FBI|CIA|NSA|NASA|SEC|FDA|EPA|IRS|FEMA|ATF|DEA|INS|FCC|FTC|Interpol|Europol|Bank of (England|Japan|France|Italy|Spain|Canada|Korea|Thailand|Israel)|Banque de France|Bundesbank|People's Bank of China)$/;
/** Words that make a name non-governmental even with a government word in it. */
const NOT_GOV = /\b(Inc|Corp|Co|Ltd|Plc|PLC|AG|SA|NV|GmbH|Group|Holdings?|Airlines?|Club|FC|United|Party|News|Press|Times|Journal|Post|Television|TV|Radio|Network|Union|Association|Federation|League|University|College|School|Foundation|Institute|Church)\b|news agency/i;

/** Media that are state-run but are reported as outlets, not as bodies: kept 'other'. */
const MEDIA = /^(Xinhua|Tass|Itar-Tass|Interfax|Reuters|AFP|AP|KCNA|IRNA|MENA|Anatolian)$/;

/** 'gov' when the name reads as a government body (see module comment), else 'other'. */
export function orgKind(name: string): 'gov' | 'other' {
  const n = name.replace(/^the\s+/i, '').trim();
  if (MEDIA.test(n)) return 'other';
  if (GOV_NAMES.test(n)) return 'gov';
  if (NOT_GOV.test(n) && !/\b(Department|Ministry|Police|Court|Senate|Congress|Parliament)\b/.test(n)) return 'other';
  return GOV_WORDS.test(n) ? 'gov' : 'other';
}

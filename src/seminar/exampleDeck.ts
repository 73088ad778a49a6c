/**
 * The deck that ships with the app: the relationship told as alternating reward and pressure,
 * from the 2001 ultimatum to the 2022 F-16 case. Captions are our own summaries; every slide
 * names the dataset sources behind it, and every selection is a real event or incident id
 * (checked by exampleDeck.test.ts against public/data/dataset.json).
 */
import { DECK_FORMAT, DECK_VERSION, type Deck } from './deck';

export const EXAMPLE_DECK: Deck = {
  format: DECK_FORMAT,
  version: DECK_VERSION,
  title: 'Carrot and stick, 2001–2024',
  slides: [
    {
      id: 'overview',
      title: 'Carrot and stick, 2001–2024',
      caption:
        'Four views of one relationship: what Washington paid, where its drones struck, where the border flared and how cooperation and friction took turns. Money flowed when Pakistan was needed and dried up when trust broke.',
      query: '',
      layout: 'grid',
      sources: ['ali-2024-ijciss', 'crs-2019-03', 'tbij'],
    },
    {
      id: 'y2001-coercion',
      title: '2001: pressure first, then sanctions lifted',
      caption:
        'After 9/11 Islamabad had little room to refuse the US campaign against the Taliban. Within weeks the nuclear-test sanctions were waived and Congress removed the coup-related bars on aid.',
      query: '?from=2001&to=2001&sel=event%3A2001-sanctions-waived',
      layout: 'timeline',
      sources: ['state-2001-09', 'armscontrol-2001-10', 'govinfo-pl107-57', 'ali-2024-ijciss'],
    },
    {
      id: 'y2004-mnna-drone',
      title: '2004: an ally, and the first drone',
      caption:
        'Pakistan was named a Major Non-NATO Ally in mid-June 2004. Two days later the first US drone strike hit South Waziristan: reward and coercion in the same week.',
      query: '?from=2004&to=2004&sel=event%3A2004-first-drone-strike',
      layout: 'timeline',
      sources: ['bbc-2004-06', 'rediff-2004-03', 'tbij', 'pbc', 'ali-2024-ijciss'],
    },
    {
      id: 'y2009-klb',
      title: '2009: Kerry-Lugar-Berman',
      caption:
        'The October 2009 act promised roughly $1.5 billion a year of civilian aid for five years, with conditions on civilian control of the army that angered Rawalpindi. Economic aid peaks in the years after.',
      query: '?from=2008&to=2011&sel=event%3A2009-kerry-lugar-berman',
      layout: 'aid+timeline',
      sources: ['wiki-klb', 'dawn-2009-10', 'crs-2014-03'],
    },
    {
      id: 'y2011-crises',
      title: '2011: Davis, Abbottabad, Salala',
      caption:
        'The worst year. A CIA contractor shot two men in Lahore in January; in May US forces killed bin Laden at Abbottabad without warning Islamabad; in November a NATO air attack on the Salala posts killed 24 Pakistani soldiers.',
      query: '?from=2011&to=2011&tone=friction&sel=event%3A2011-abbottabad',
      layout: 'timeline',
      sources: ['nbc-2011-03', 'wiki-abbottabad-compound', 'tribune-2011-11', 'wiki-salala', 'ali-2024-ijciss'],
    },
    {
      id: 'y2011-border-map',
      title: '2011 on the border',
      caption:
        'The year’s border clashes on the map. Salala, in Mohmand, was the deadliest; Pakistan answered by shutting the NATO supply routes and ordering the US out of Shamsi airbase.',
      query: '?from=2011&to=2011&sel=incident%3Asalala_2011',
      layout: 'map',
      sources: ['tribune-2011-11', 'wiki-salala', 'tribune-2011-12', 'pri-2011-12'],
    },
    {
      id: 'y2011-aid-response',
      title: '2011 in one view: money, strikes and crises',
      caption:
        'The year’s crises beside the money. CRS appropriations fall from $4.5bn in FY2010 to $3.6bn in FY2011 and $2.6bn in FY2012, while the strike count drops from its 2010 peak.',
      query: '?from=2011&to=2011',
      layout: 'answer',
      sources: ['crs-2014-03', 'tbij', 'ali-2024-ijciss'],
    },
    {
      id: 'y2012-routes',
      title: '2012: routes closed, then an apology',
      caption:
        'The Torkham and Chaman routes stayed shut for about seven months. They reopened in July 2012, once Secretary Clinton said the US was sorry for the soldiers lost at Salala.',
      query: '?from=2011&to=2012&sel=event%3A2012-gloc-reopen',
      layout: 'timeline',
      sources: ['afp-2012-07', 'wiki-salala', 'lwj-2008-09'],
    },
    {
      id: 'lens-2008-2014',
      title: 'Carrot and stick in one picture, FY2008–FY2014',
      caption:
        'Aid in constant 2024 dollars, drone strikes and the events of each fiscal year on one axis. Money peaked while the strikes did; after Abbottabad security aid fell and CSF reimbursements were held back. A reading, not a causal estimate.',
      query: '?from=2008&to=2014&dollars=constant&sel=event%3A2011-abbottabad',
      layout: 'lens',
      sources: ['crs-2014-03', 'tbij', 'bls-cpi-u', 'ali-2024-ijciss'],
    },
    {
      id: 'claims-vs-data',
      title: 'The paper’s figures, checked against the rows',
      caption:
        'The paper’s headline figures beside what the dataset’s own rows give for the same span and measure. Most gaps come from what is counted: money appropriated rather than received, a different span, or a later CRS edition.',
      query: '',
      layout: 'lens:claims',
      sources: ['ali-2024-ijciss', 'crs-2014-03', 'crs-2019-03', 'tbij', 'new-america', 'lwj', 'pbc'],
    },
    {
      id: 'aid-measures',
      title: 'After CRS: three measures of the same money',
      caption:
        'CRS’s yearly table stops at FY2018. ForeignAssistance.gov’s obligations and disbursements carry the series to FY2024: a few hundred million dollars a year, well under a tenth of their 2010 level. CRS counts money appropriated, CSF included; ForeignAssistance.gov counts money obligated and disbursed, without CSF.',
      query: '?from=2008&to=2024&aidcompare=1',
      layout: 'aid',
      sources: ['crs-2019-03', 'crs-2014-03', 'fa-gov-2025'],
    },
    {
      id: 'drones-compare',
      title: 'The drone campaign, counted four ways',
      caption:
        'Strikes peaked around 2010 and faded after 2013. The trackers roughly agree on how many strikes there were, but not on how many of the dead were civilians.',
      query: '?from=2004&to=2018&compare=1',
      layout: 'drones',
      sources: ['tbij', 'pbc', 'new-america', 'lwj'],
    },
    {
      id: 'y2014-zarb',
      title: '2014: Zarb-e-Azb and the end of OEF',
      caption:
        'In June 2014 the army finally went into North Waziristan, an offensive Washington had pressed for years. By December the US had declared its Afghan combat mission over, closing the OEF era.',
      query: '?from=2014&to=2014&sel=event%3A2014-zarb-e-azb',
      layout: 'map+timeline',
      sources: ['geo-2014-06', 'dawn-2014-09', 'washtimes-2014-12'],
    },
    {
      id: 'y2018-suspension',
      title: '2018: security aid suspended',
      caption:
        'Days after a New Year post by the president accusing Pakistan of deceit, the US froze nearly all security assistance. Aid that had bought cooperation for fifteen years became leverage withheld.',
      query: '?from=2017&to=2018&sel=event%3A2018-security-aid-suspended',
      layout: 'aid+events',
      sources: ['ap-2018-01', 'indianexpress-2018-01', 'cbc-2018-01', 'crs-2019-03'],
    },
    {
      id: 'y2021-airspace',
      title: '2020–2021: after the withdrawal, talks on airspace',
      caption:
        'With its troops gone from Afghanistan, the US still needed a way in. In October 2021 it was reported close to a deal on Pakistani airspace; Islamabad wanted counter-terrorism help and support over India. Nothing was signed.',
      query: '?from=2020&to=2021&sel=event%3A2021-airspace-talks',
      layout: 'events',
      sources: ['airspace-talks-2021', 'dawn-2021-10'],
    },
    {
      id: 'y2022-f16',
      title: '2022–2024: keeping the F-16s flying',
      caption:
        'In September 2022 Washington notified a $450 million sustainment case for Pakistan’s F-16 fleet, framed as counter-terrorism support. Critics saw a partnership of convenience rather than trust.',
      query: '?from=2022&to=2024&sel=event%3A2022-f16-sustainment',
      layout: 'events',
      sources: ['dsca-2022-09-press', 'gvs-f16-oped'],
    },
  ],
};

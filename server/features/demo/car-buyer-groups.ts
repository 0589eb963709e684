// The four customer groups planted in the demo's car-buying respondents: for each, how they
// weigh price, research and advice, which channels they use, how each journey stage feels to them
// and the sentences they write about it. Pure data; car-buyers.ts draws respondents from it.
export type Channel = "online" | "in_person" | "friends";
export type Occupation = "employee" | "self_employed" | "student" | "retired" | "other";
export type PerStage<T> = [T, T, T, T, T];

export interface Voice {
  /** Complete sentences typical of the group at this stage. */
  cores: string[];
  /** Optional second sentences. */
  tails: string[];
}

export interface GroupProfile {
  key: string;
  name: string;
  weight: number;
  /** Centres on the 1..5 agreement scales. */
  priceFocus: number;
  researchDepth: number;
  adviceSeeking: number;
  /** Centres on the closing VALUE (hassle-free over price) and FEAR (paying too much) scales. */
  hassleFreeValue: number;
  overpayingWorry: number;
  channel: Record<Channel, number>;
  /** Mean emotion (-2..2) and pain (0..4) per stage, in journey order. */
  emotion: PerStage<number>;
  pain: PerStage<number>;
  age: { mean: number; sd: number };
  occupation: Partial<Record<Occupation, number>>;
  recommend: { mean: number; sd: number };
  minutes: { mean: number; sd: number };
  /** Chance of writing something in a stage's open question. */
  writes: number;
  voice: PerStage<Voice>;
}

export const carBuyerGroups: readonly GroupProfile[] = [
  {
    key: "price_hunters",
    name: "Price hunters",
    weight: 0.3,
    priceFocus: 4.8,
    researchDepth: 2.2,
    adviceSeeking: 1.4,
    hassleFreeValue: 1.8,
    overpayingWorry: 4.3,
    channel: { online: 0.97, friends: 0.02, in_person: 0.01 },
    emotion: [0.8, 0.2, -0.6, -1.0, 0.4],
    pain: [1.0, 1.5, 2.4, 2.6, 1.2],
    age: { mean: 36, sd: 8 },
    occupation: { employee: 0.55, self_employed: 0.2, student: 0.1, other: 0.1, retired: 0.05 },
    recommend: { mean: 6, sd: 1.5 },
    minutes: { mean: 6, sd: 2 },
    writes: 0.75,
    voice: [
      {
        cores: [
          "I started by setting a hard budget and looking for anything that fit under it.",
          "The first thing I checked was which models hold their value.",
          "I noticed the ads only ever show the base price, never what you actually pay.",
          "I was hunting for end-of-season deals from day one.",
          "I kept an eye on a few price-alert sites to see what was out there.",
          "I mostly looked at last year's models because they are cheaper.",
        ],
        tails: [
          "Money was the deciding factor from the start.",
          "Every euro counted.",
          "I wasn't going to overpay this time.",
          "I knew the sticker price was just an opening bid.",
        ],
      },
      {
        cores: [
          "I put every offer into a spreadsheet and sorted it by total cost.",
          "The same car was listed at four different prices within twenty kilometres.",
          "I compared dealer prices against online brokers line by line.",
          "Hidden fees made it hard to compare the offers fairly.",
          "I had three dealers quote the same trim so I could play them off against each other.",
        ],
        tails: [
          "Delivery charges alone varied by a few hundred.",
          "Some dealers would not put a price in writing.",
          "It took a while, but it was worth it.",
          "Nobody likes to show the full price up front.",
        ],
      },
      {
        cores: [
          "The finance offers looked cheap until I did the maths on the total.",
          "The trade-in value they offered for my old car was an insult.",
          "I asked for the final on-the-road price and got a lot of vague answers.",
          "The test drive was fine, but all I cared about was the final number.",
          "Every extra they suggested pushed the monthly rate up.",
        ],
        tails: [
          "I walked out twice.",
          "It felt like they were testing how much I would accept.",
          "I got a better offer in writing from a competitor.",
          "The add-ons are pure profit for them.",
        ],
      },
      {
        cores: [
          "Negotiating the last few hundred took longer than the whole test drive.",
          "They tried to slip paint protection back into the contract at signing.",
          "The price on the contract did not match the one we had agreed on.",
          "I had to argue about the trade-in all over again at the very end.",
          "They would only keep the discount if I took their financing.",
        ],
        tails: [
          "I got the deal I wanted, but I was exhausted.",
          "I read every line before I signed.",
          "It felt like a battle rather than a purchase.",
          "In the end I saved a decent amount, so it was worth the fight.",
        ],
      },
      {
        cores: [
          "The first service quote was higher than at an independent garage.",
          "I'm happy with the car, and even happier with the price I paid.",
          "I check the service invoices carefully now.",
          "I compare the dealer's service prices with other garages every time.",
          "The car itself has been reliable, which is what I paid for.",
        ],
        tails: [
          "I would buy from them again if the price is right.",
          "A loyalty discount would keep me coming back.",
          "No complaints about the car.",
          "I tell friends to always negotiate.",
        ],
      },
    ],
  },
  {
    key: "research_heavy_comparers",
    name: "Research-heavy comparers",
    weight: 0.25,
    priceFocus: 2.0,
    researchDepth: 4.8,
    adviceSeeking: 1.6,
    hassleFreeValue: 2.8,
    overpayingWorry: 3.4,
    channel: { online: 0.97, friends: 0.01, in_person: 0.02 },
    emotion: [1.0, -0.8, 0.6, 0.8, 1.0],
    pain: [0.8, 2.8, 1.4, 1.0, 0.8],
    age: { mean: 42, sd: 9 },
    occupation: { employee: 0.65, self_employed: 0.2, retired: 0.1, other: 0.05 },
    recommend: { mean: 7.8, sd: 1.2 },
    minutes: { mean: 10, sd: 3 },
    writes: 0.9,
    voice: [
      {
        cores: [
          "I read long-term reviews of every model on my list before talking to anyone.",
          "I watched hours of video reviews and owner reports.",
          "I made a list of requirements first: boot space, range and safety ratings.",
          "I started with the crash test results and worked backwards from there.",
          "I joined two owner forums to learn what tends to break after five years.",
        ],
        tails: [
          "I enjoy this part, to be honest.",
          "I wanted to understand the options properly.",
          "There is a lot of good information out there if you dig.",
          "I took notes on everything.",
        ],
      },
      {
        cores: [
          "The spec sheets used different measures, so comparing them was a pain.",
          "The configurator kept changing prices and options between visits.",
          "I couldn't find real consumption figures for the trim I wanted.",
          "Every manufacturer hides the useful details in a different PDF.",
          "I had eleven browser tabs open and still no straight answer on the warranty.",
          "Dealer websites listed features the car did not actually have.",
        ],
        tails: [
          "I ended up building my own comparison table.",
          "It shouldn't be this hard to compare like with like.",
          "Too much marketing, too little data.",
          "I wasted whole evenings on this.",
        ],
      },
      {
        cores: [
          "By the test drive I already knew more about the car than the salesperson did.",
          "I booked back-to-back test drives of my two finalists on the same day.",
          "The test drive confirmed what the reviews said about road noise.",
          "I asked detailed questions about the battery warranty and got a proper answer in the end.",
          "I checked the finance terms against my bank's offer before deciding.",
        ],
        tails: [
          "That settled it for me.",
          "I appreciated that they didn't push.",
          "It was good to finally feel the car in person.",
          "Only then was I confident.",
        ],
      },
      {
        cores: [
          "Because I knew exactly what I wanted, signing was quick.",
          "The paperwork matched what I had configured online, which I double-checked.",
          "Delivery was on the date they promised.",
          "The handover was thorough and they walked me through every setting.",
          "I had my questions written down and they answered all of them.",
        ],
        tails: [
          "Smooth, no surprises.",
          "That is how it should be.",
          "All the preparation paid off.",
          "I was pleased.",
        ],
      },
      {
        cores: [
          "The car matches the reviews, including the small annoyances.",
          "I log my fuel consumption and it's close to the figures I found.",
          "The app could show more detail about service intervals.",
          "I posted a long review on the owners' forum after three months.",
          "The first service was booked online in two minutes.",
        ],
        tails: [
          "Happy with the choice.",
          "I'd recommend it to anyone who does their homework.",
          "Exactly what I expected.",
          "Minor niggles, nothing serious.",
        ],
      },
    ],
  },
  {
    key: "advice_seeking_first_timers",
    name: "Advice-seeking first-time buyers",
    weight: 0.25,
    priceFocus: 3.2,
    researchDepth: 1.8,
    adviceSeeking: 4.8,
    hassleFreeValue: 3.4,
    overpayingWorry: 4.0,
    channel: { online: 0.01, friends: 0.96, in_person: 0.03 },
    emotion: [-0.4, -0.9, 0.7, -1.5, 0.8],
    pain: [2.0, 2.4, 1.4, 3.6, 1.2],
    age: { mean: 23, sd: 4 },
    occupation: { student: 0.45, employee: 0.45, other: 0.1 },
    recommend: { mean: 7.2, sd: 1.5 },
    minutes: { mean: 8, sd: 3 },
    writes: 0.8,
    voice: [
      {
        cores: [
          "It was my first car, so I had no idea where to even start.",
          "I asked my parents and a friend who knows cars for advice.",
          "There were so many models that I felt lost pretty quickly.",
          "I didn't understand half of the terms in the ads.",
          "I wasn't sure whether to buy new or used.",
        ],
        tails: [
          "It was a bit overwhelming.",
          "I needed someone to explain the basics.",
          "I was nervous about making a mistake.",
          "My friends' opinions helped a lot.",
        ],
      },
      {
        cores: [
          "Comparing finance options was confusing because every offer was structured differently.",
          "My uncle came with me to the dealers so I wouldn't get ripped off.",
          "I didn't know which features I actually needed and which were just extras.",
          "Everyone I asked recommended a different car.",
          "I couldn't tell whether a price was good or not.",
        ],
        tails: [
          "I relied on other people's experience.",
          "I felt out of my depth.",
          "A simple checklist would have helped.",
          "It took much longer than I expected.",
        ],
      },
      {
        cores: [
          "The salesperson took the time to explain the difference between leasing and financing.",
          "The test drive made me much more confident about driving a bigger car.",
          "Having someone answer my questions patiently made a big difference.",
          "My friend pointed out things on the test drive I would have missed.",
          "They explained the insurance side, which nobody else had done.",
        ],
        tails: [
          "I finally felt like I understood what I was buying.",
          "That was the turning point.",
          "I trusted her advice.",
          "It was reassuring.",
        ],
      },
      {
        cores: [
          "The financing paperwork was full of jargon I didn't understand.",
          "I was handed a stack of forms and asked to sign without much explanation.",
          "The credit check and the insurance took ages, and nobody told me what was happening.",
          "I only found out about the extra registration costs at the very end.",
          "I felt rushed at signing and wasn't sure what I had agreed to.",
          "The monthly payment on the final contract was different, and I didn't dare ask why.",
        ],
        tails: [
          "It was the most stressful part by far.",
          "I had to call my dad to check before signing.",
          "I almost walked away.",
          "Someone should have walked me through it step by step.",
          "I left feeling more anxious than excited.",
        ],
      },
      {
        cores: [
          "Now that I have the car, I'm really happy with it.",
          "I still don't know when the first service is due.",
          "The dealer called after a week to check everything was fine, which was nice.",
          "Getting used to the car was easy after the handover.",
          "I'd like a simple guide to what I need to do and when.",
        ],
        tails: [
          "I'd go back to the same salesperson.",
          "Next time I'll know what to expect.",
          "It feels good to finally have my own car.",
          "Mostly positive in the end.",
        ],
      },
    ],
  },
  {
    key: "brand_loyal_convenience",
    name: "Brand-loyal convenience buyers",
    weight: 0.2,
    priceFocus: 1.3,
    researchDepth: 1.3,
    adviceSeeking: 1.7,
    hassleFreeValue: 4.5,
    overpayingWorry: 1.8,
    channel: { online: 0.01, friends: 0.02, in_person: 0.97 },
    emotion: [1.4, 0.9, 1.0, 1.2, -0.9],
    pain: [0.4, 0.5, 0.6, 0.7, 2.6],
    age: { mean: 58, sd: 9 },
    occupation: { retired: 0.45, employee: 0.3, self_employed: 0.2, other: 0.05 },
    recommend: { mean: 6.8, sd: 1.8 },
    minutes: { mean: 4, sd: 1.5 },
    writes: 0.6,
    voice: [
      {
        cores: [
          "I've driven Northwind cars for years, so I went straight back to them.",
          "My dealer sent me a note that my lease was ending and suggested the new model.",
          "I didn't really shop around; I know the brand and I trust it.",
          "I just wanted the newer version of what I already had.",
          "The salesman who sold me my last car called me himself.",
        ],
        tails: [
          "No need to reinvent the wheel.",
          "It was easy.",
          "I know what I'm getting.",
          "Why change what works?",
        ],
      },
      {
        cores: [
          "I only compared trims within the same model.",
          "I looked briefly at one competitor, but never seriously.",
          "I went to my usual dealer and looked at what they had in stock.",
          "Comparing wasn't really necessary for me.",
          "I asked which colours were available soonest, and that was about it.",
        ],
        tails: [
          "It took one afternoon.",
          "Convenience matters more to me than a few euros.",
          "I didn't want the hassle.",
          "Fine.",
        ],
      },
      {
        cores: [
          "They had the car ready for a test drive when I arrived.",
          "The trade-in of my old car was handled on the spot.",
          "I took it for a short spin around the block and that was enough.",
          "They knew my history and had an offer ready.",
          "I appreciated not having to explain everything again.",
        ],
        tails: [
          "Very convenient.",
          "They know me there.",
          "It could not have been easier.",
          "Good service, as always.",
        ],
      },
      {
        cores: [
          "Signing took twenty minutes and they delivered the car to my house.",
          "The paperwork was prepared in advance, so I just checked it and signed.",
          "They transferred my number plates and settings from the old car.",
          "I paid the price they offered, which was fair enough.",
          "Everything was arranged for me, including the insurance.",
        ],
        tails: [
          "Exactly how buying a car should be.",
          "No stress at all.",
          "I was in and out quickly.",
          "Very smooth.",
        ],
      },
      {
        cores: [
          "Booking the first service was a hassle; the phone line was always busy.",
          "The service department isn't what it used to be.",
          "A warning light came on and it took two weeks to get an appointment.",
          "I was promised a courtesy car for the service and there wasn't one.",
          "The online booking system keeps logging me out.",
          "After so many years with them, I expected better care after the sale.",
        ],
        tails: [
          "It's a shame, because the car itself is excellent.",
          "I'm starting to wonder whether to stay loyal.",
          "They need to fix their service side.",
          "That was disappointing.",
        ],
      },
    ],
  },
];

/** Lead-ins put before a core sentence now and then ("" most of the time). */
export const leads = ["Honestly, ", "To be fair, ", "If I'm honest, ", "Well, ", "I have to say, "];
export const joiners = ["Also, ", "And ", "On top of that, ", "Plus, "];
/** Short answers anyone might give at any stage. */
export const shortAnswers = [
  "Nothing special.",
  "Can't remember much about this part.",
  "It was okay.",
  "Took too long, as always.",
  "Not much to say here.",
  "Fine, I suppose.",
  "n/a",
];

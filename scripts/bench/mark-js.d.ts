/** Just the part of mark.js 8.11.1 the page benchmark calls (the package ships no types). */
declare module 'mark.js' {
  export default class Mark {
    constructor(context: Element | Element[] | NodeList | string);
    mark(keywords: string | string[], options?: { separateWordSearch?: boolean; acrossElements?: boolean; done?: (marked: number) => void }): void;
  }
}

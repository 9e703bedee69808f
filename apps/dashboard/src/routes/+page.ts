// Charts are server-rendered SVG and links: this page needs no JavaScript.
export const csr = false;

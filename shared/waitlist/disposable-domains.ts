/**
 * Common disposable ("throw-away") e-mail domains, refused at sign-up: an entry nobody reads
 * inflates the demand signal and costs a send. Not exhaustive by design (lists of tens of
 * thousands go stale and catch real providers); tenants add their own in
 * `settings.waitlist.disposableDomains`.
 */
export const DISPOSABLE_DOMAINS: ReadonlySet<string> = new Set([
  '0-mail.com', '10minutemail.com', '10minutemail.net', '10minutemail.co.uk', '20minutemail.com', '33mail.com',
  'anonbox.net', 'anonymbox.com', 'binkmail.com', 'bobmail.info', 'burnermail.io', 'chammy.info', 'crazymailing.com',
  'deadaddress.com', 'despam.it', 'discard.email', 'discardmail.com', 'discardmail.de', 'dispostable.com',
  'dodgeit.com', 'dodgit.com', 'dropmail.me', 'e4ward.com', 'emailondeck.com', 'emailsensei.com', 'emailtemporanea.com',
  'emailtemporanea.net', 'emailtemporario.com.br', 'emailwarden.com', 'fakeinbox.com', 'fakemail.net', 'fakemailgenerator.com',
  'getairmail.com', 'getnada.com', 'guerrillamail.biz', 'guerrillamail.com', 'guerrillamail.de', 'guerrillamail.info',
  'guerrillamail.net', 'guerrillamail.org', 'guerrillamailblock.com', 'harakirimail.com', 'incognitomail.org',
  'inboxbear.com', 'inboxkitten.com', 'jetable.org', 'kasmail.com', 'mail-temporaire.fr', 'mailcatch.com', 'maildrop.cc',
  'mailexpire.com', 'mailforspam.com', 'mailinator.com', 'mailinator.net', 'mailinator2.com', 'mailmoat.com', 'mailnesia.com',
  'mailnull.com', 'mailsac.com', 'mailtemp.info', 'meltmail.com', 'mintemail.com', 'moakt.com', 'mohmal.com', 'mt2015.com',
  'mytemp.email', 'mytrashmail.com', 'nada.email', 'no-spam.ws', 'nospam.ze.tc', 'nowmymail.com', 'objectmail.com',
  'one-time.email', 'onewaymail.com', 'pookmail.com', 'proxymail.eu', 'rcpt.at', 'rppkn.com', 'sharklasers.com',
  'shieldemail.com', 'sogetthis.com', 'spam4.me', 'spamavert.com', 'spambog.com', 'spambox.us', 'spamex.com', 'spamfree24.org',
  'spamgourmet.com', 'spamherelots.com', 'spamhole.com', 'spaml.com', 'spammotel.com', 'spamspot.com', 'spamthis.co.uk',
  'supermailer.jp', 'tafmail.com', 'teleworm.us', 'temp-mail.io', 'temp-mail.org', 'tempail.com', 'tempemail.net',
  'tempinbox.com', 'tempmail.com', 'tempmail.de', 'tempmail.dev', 'tempmail.net', 'tempmail.plus', 'tempmailaddress.com',
  'tempmailo.com', 'tempr.email', 'temporarymail.com', 'tempomail.fr', 'throwam.com', 'throwawaymail.com', 'trash-mail.com',
  'trash-mail.de', 'trash2009.com', 'trashmail.at', 'trashmail.com', 'trashmail.de', 'trashmail.io', 'trashmail.me',
  'trashmail.net', 'trashmail.ws', 'trashymail.com', 'trbvm.com', 'wegwerfmail.de', 'wegwerfmail.net', 'wegwerfmail.org',
  'yopmail.com', 'yopmail.fr', 'yopmail.net', 'cool.fr.nf', 'jetable.fr.nf', 'courriel.fr.nf', 'moncourrier.fr.nf',
  'monemail.fr.nf', 'monmail.fr.nf', 'zetmail.com', 'zippymail.info', 'zoemail.org', 'mailpoof.com', 'emailfake.com',
  'fakermail.com', 'byom.de', 'spam.la', 'trbvn.com', 'grr.la', 'pokemail.net', 'spamgoes.in', 'mvrht.net', 'lroid.com',
  'mail.tm', 'internxt.com', 'tmail.ws', 'tmpmail.org', 'tmpmail.net', 'minuteinbox.com', 'fexbox.org', 'fexpost.com',
  'vomoto.com', 'cuvox.de', 'dayrep.com', 'einrot.com', 'fleckens.hu', 'gustr.com', 'jourrapide.com', 'rhyta.com',
  'superrito.com', 'armyspy.com',
]);

/** The domain or any parent domain is listed (`a.mailinator.com` is as disposable as `mailinator.com`). */
export function isDisposable(email: string, extra: readonly string[] = []): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const parts = domain.split('.');
  const extraSet = new Set(extra.map((d) => d.toLowerCase().replace(/^@/, '')));
  for (let i = 0; i < parts.length - 1; i++) {
    const candidate = parts.slice(i).join('.');
    if (DISPOSABLE_DOMAINS.has(candidate) || extraSet.has(candidate)) return true;
  }
  return false;
}

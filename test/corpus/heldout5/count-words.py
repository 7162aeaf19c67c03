# Hand-side word counter for heldout5 (independent of starlint): whitespace words of prose,
# STAR labels, headings, list markers, emphasis marks, link targets and HTML left out.
import re, sys
def clean(text):
    out=[]
    for line in text.split('\n'):
        s=line.strip()
        if not s or s.startswith('#') or s.startswith('<a ') or re.fullmatch(r'\|?[-| :]+\|?', s) or s=='---':
            continue
        s=re.sub(r'^>\s*','',s)
        s=re.sub(r'^([-*]|\d+\.)\s+','',s)
        s=re.sub(r'\[([^\]]*)\]\([^)]*\)',r'\1',s)
        s=s.replace('**','').replace('`','')
        s=re.sub(r'(?<!\w)\*|\*(?!\w)','',s)
        s=s.replace('|',' ')
        out.append(s)
    return ' '.join(out)
def words(text):
    return [w for w in clean(text).split() if re.search(r'\w|[%$€↑↓→]',w)]
def story(name, secs):
    n={k:len(words(v)) for k,v in secs.items()}
    tot=sum(n.values())
    print(name, 'total',tot, ' '.join(f"{k} {v} ({100*v/tot:.0f}%)" for k,v in n.items()) if tot else '')
    return n

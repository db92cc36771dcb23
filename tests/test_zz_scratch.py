import time
from django.core.management import call_command
from .factories import BlogPageFactory, AuthorFactory, BlogCategoryFactory, ImageFactory
from .conftest import soup_of

def test_smoke(site, blog_index, client):
    a = AuthorFactory()
    c = BlogCategoryFactory(name="China")
    p = BlogPageFactory(parent=blog_index, authors=[a], categories=[c])
    print(p.url, p.post_authors.count(), p.categories.count(), a.photo.width)
    r = client.get(p.url)
    print(r.status_code)
    print(r.content.decode()[:6000])

def test_demo(db, client):
    t=time.time()
    call_command("load_demo")
    print("load", time.time()-t)
    t=time.time()
    call_command("load_demo")
    print("load2", time.time()-t)
    r = client.get("/blog/ai-research-with-china/")
    print(r.status_code, len(r.content))
    open("/tmp/scratch/seed.html","wb").write(r.content)

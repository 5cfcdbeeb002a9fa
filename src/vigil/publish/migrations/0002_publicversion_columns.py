from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("publish", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="publicversion",
            name="columns",
            field=models.BigIntegerField(default=0, help_text="moves when the precomputed columns' data change"),
        ),
    ]
